/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gstvocr-prelude.h"
#include "gstvocrchange.h"
#include "gstvocrline.h"

G_BEGIN_DECLS

#define GST_VOCR_TEXT_META_API_TYPE (gst_vocr_text_meta_api_get_type ())
#define GST_VOCR_TEXT_META_INFO (gst_vocr_text_meta_get_info ())

/**
 * GstVocrTextMeta:
 * @meta: parent #GstMeta
 * @timestamp: presentation timestamp of the frame the text was read from
 *   (the buffer's own PTS unless the result was attached to a later buffer)
 * @lines: (element-type GstVocrLine): the recognised lines, in reading order
 * @wallclock: when the frame read was captured, in nanoseconds since the
 *   UNIX epoch, from the source's #GstReferenceTimestampMeta
 *   ("timestamp/x-unix" or "timestamp/x-ntp"); GST_CLOCK_TIME_NONE when the
 *   source gave none
 * @changes: (element-type GstVocrChange) (nullable): where the text
 *   changed since the frame read before, and in which frame (presentation
 *   timestamp) each place took the look it has in this one, so that a line
 *   this reading has and the last had not, or the other way round, can be
 *   dated by the changes in its box (`vocrinsightsink` takes their median
 *   date by area, and @timestamp where none is or half the box is moving
 *   text, whose reading is of this frame only). %NULL when the frames
 *   between were not compared.
 *
 * The text `vocrtextdetect` read in one sampled video frame. Boxes are in
 * pixels of the buffer the meta is attached to; they are rescaled when the
 * buffer goes through `videoscale`.
 */
typedef struct _GstVocrTextMeta
{
  GstMeta meta;

  GstClockTime timestamp;
  GPtrArray *lines;
  GstClockTime wallclock;
  GArray *changes;
} GstVocrTextMeta;

GST_VOCR_API GType gst_vocr_text_meta_api_get_type (void);

GST_VOCR_API const GstMetaInfo *gst_vocr_text_meta_get_info (void);

GST_VOCR_API
GstVocrTextMeta *gst_buffer_add_vocr_text_meta (GstBuffer * buffer,
    GstClockTime timestamp);

GST_VOCR_API
GstVocrTextMeta *gst_buffer_get_vocr_text_meta (GstBuffer * buffer);

GST_VOCR_API
void gst_vocr_text_meta_add_line (GstVocrTextMeta * meta, GstVocrLine * line);

GST_VOCR_API guint gst_vocr_text_meta_get_n_lines (GstVocrTextMeta * meta);

GST_VOCR_API
const GstVocrLine *gst_vocr_text_meta_get_line (GstVocrTextMeta * meta,
    guint index);

GST_VOCR_API
GstClockTime gst_vocr_text_meta_get_timestamp (GstVocrTextMeta * meta);

GST_VOCR_API
GstClockTime gst_vocr_text_meta_get_wallclock (GstVocrTextMeta * meta);

GST_VOCR_API
GArray *gst_vocr_text_meta_get_changes (GstVocrTextMeta * meta);

GST_VOCR_API
GstClockTime gst_vocr_buffer_get_wallclock (GstBuffer * buffer);

G_END_DECLS
