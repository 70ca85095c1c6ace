/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gstvocr-prelude.h"

G_BEGIN_DECLS

#define GST_VOCR_TYPE_WORD (gst_vocr_word_get_type ())
#define GST_VOCR_TYPE_LINE (gst_vocr_line_get_type ())

/**
 * GstVocrWord:
 * @text: the word as UTF-8
 * @confidence: recognition confidence, 0 to 1
 * @x: left edge of the word's box, in pixels of the frame it was read from
 * @y: top edge of the box
 * @width: width of the box
 * @height: height of the box
 *
 * One recognised word. Immutable once it belongs to a #GstVocrLine.
 */
typedef struct _GstVocrWord
{
  gchar *text;
  gdouble confidence;
  gint x, y, width, height;
} GstVocrWord;

/**
 * GstVocrLine:
 * @text: the line as UTF-8, words separated as the script requires
 * @confidence: recognition confidence, 0 to 1
 * @x: left edge of the line's axis-aligned box, in pixels of the frame
 * @y: top edge of the box
 * @width: width of the box
 * @height: height of the box
 * @angle: reading direction in degrees as Video Indexer reports it: 0 reads
 *   left to right, 90 top to bottom, 180 right to left, -90 bottom to top
 * @language: BCP-47 tag of the language the line was read in (e.g. "en-US")
 * @words: (element-type GstVocrWord): the line's words
 *
 * One recognised line of text. Lines attached to buffers (see
 * #GstVocrTextMeta) are shared and must not be modified.
 */
typedef struct _GstVocrLine
{
  gchar *text;
  gdouble confidence;
  gint x, y, width, height;
  gdouble angle;
  gchar *language;
  GPtrArray *words;
} GstVocrLine;

GST_VOCR_API GType gst_vocr_word_get_type (void);

GST_VOCR_API
GstVocrWord *gst_vocr_word_new (const gchar * text, gdouble confidence,
    gint x, gint y, gint width, gint height);

GST_VOCR_API GstVocrWord *gst_vocr_word_copy (const GstVocrWord * word);

GST_VOCR_API void gst_vocr_word_free (GstVocrWord * word);

GST_VOCR_API const gchar *gst_vocr_word_get_text (const GstVocrWord * word);

GST_VOCR_API gdouble gst_vocr_word_get_confidence (const GstVocrWord * word);

GST_VOCR_API
void gst_vocr_word_get_box (const GstVocrWord * word, gint * x, gint * y,
    gint * width, gint * height);

GST_VOCR_API GType gst_vocr_line_get_type (void);

GST_VOCR_API
GstVocrLine *gst_vocr_line_new (const gchar * text, gdouble confidence,
    gint x, gint y, gint width, gint height, gdouble angle,
    const gchar * language);

GST_VOCR_API GstVocrLine *gst_vocr_line_copy (const GstVocrLine * line);

GST_VOCR_API void gst_vocr_line_free (GstVocrLine * line);

GST_VOCR_API
void gst_vocr_line_add_word (GstVocrLine * line, GstVocrWord * word);

GST_VOCR_API const gchar *gst_vocr_line_get_text (const GstVocrLine * line);

GST_VOCR_API gdouble gst_vocr_line_get_confidence (const GstVocrLine * line);

GST_VOCR_API
void gst_vocr_line_get_box (const GstVocrLine * line, gint * x, gint * y,
    gint * width, gint * height);

GST_VOCR_API gdouble gst_vocr_line_get_angle (const GstVocrLine * line);

GST_VOCR_API const gchar *gst_vocr_line_get_language (const GstVocrLine * line);

GST_VOCR_API guint gst_vocr_line_get_n_words (const GstVocrLine * line);

GST_VOCR_API
const GstVocrWord *gst_vocr_line_get_word (const GstVocrLine * line,
    guint index);

GST_VOCR_API
GstVocrLine *gst_vocr_line_scale (const GstVocrLine * line, gdouble sx,
    gdouble sy);

GST_VOCR_API
gboolean gst_vocr_line_trim_words (GstVocrLine * line, guint n_first,
    guint n_last);

GST_VOCR_API
gboolean gst_vocr_line_trim_unsure_symbols (GstVocrLine * line,
    gdouble max_confidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GstVocrWord, gst_vocr_word_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GstVocrLine, gst_vocr_line_free)

G_END_DECLS
