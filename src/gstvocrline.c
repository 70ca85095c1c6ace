/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:gstvocrline
 * @title: GstVocrLine
 * @short_description: a recognised line of text and its words
 *
 * The result types shared by the OCR engine, the text meta and the insights
 * aggregation. Boxes are axis-aligned, in pixels of the frame the text was
 * read from; confidences are 0 to 1.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <string.h>
#include "gstvocrline.h"

G_DEFINE_BOXED_TYPE (GstVocrWord, gst_vocr_word, gst_vocr_word_copy,
    gst_vocr_word_free);
G_DEFINE_BOXED_TYPE (GstVocrLine, gst_vocr_line, gst_vocr_line_copy,
    gst_vocr_line_free);

/**
 * gst_vocr_word_new:
 * @text: the word, UTF-8
 * @confidence: 0 to 1
 * @x: left edge
 * @y: top edge
 * @width: box width
 * @height: box height
 *
 * Returns: (transfer full): a new word
 */
GstVocrWord *
gst_vocr_word_new (const gchar * text, gdouble confidence, gint x, gint y,
    gint width, gint height)
{
  GstVocrWord *word = g_slice_new (GstVocrWord);

  word->text = g_strdup (text ? text : "");
  word->confidence = confidence;
  word->x = x;
  word->y = y;
  word->width = width;
  word->height = height;
  return word;
}

/**
 * gst_vocr_word_copy:
 * @word: a #GstVocrWord
 *
 * Returns: (transfer full): a deep copy of @word
 */
GstVocrWord *
gst_vocr_word_copy (const GstVocrWord * word)
{
  g_return_val_if_fail (word != NULL, NULL);

  return gst_vocr_word_new (word->text, word->confidence, word->x, word->y,
      word->width, word->height);
}

/**
 * gst_vocr_word_free:
 * @word: (transfer full) (nullable): a #GstVocrWord
 */
void
gst_vocr_word_free (GstVocrWord * word)
{
  if (word == NULL)
    return;
  g_free (word->text);
  g_slice_free (GstVocrWord, word);
}

/**
 * gst_vocr_word_get_text:
 * @word: a #GstVocrWord
 *
 * Returns: (transfer none): the word's text
 */
const gchar *
gst_vocr_word_get_text (const GstVocrWord * word)
{
  g_return_val_if_fail (word != NULL, NULL);
  return word->text;
}

/**
 * gst_vocr_word_get_confidence:
 * @word: a #GstVocrWord
 *
 * Returns: the word's confidence, 0 to 1
 */
gdouble
gst_vocr_word_get_confidence (const GstVocrWord * word)
{
  g_return_val_if_fail (word != NULL, 0.0);
  return word->confidence;
}

/**
 * gst_vocr_word_get_box:
 * @word: a #GstVocrWord
 * @x: (out) (optional): left edge
 * @y: (out) (optional): top edge
 * @width: (out) (optional): width
 * @height: (out) (optional): height
 *
 * Gets the word's box in pixels of the frame it was read from.
 */
void
gst_vocr_word_get_box (const GstVocrWord * word, gint * x, gint * y,
    gint * width, gint * height)
{
  g_return_if_fail (word != NULL);
  if (x)
    *x = word->x;
  if (y)
    *y = word->y;
  if (width)
    *width = word->width;
  if (height)
    *height = word->height;
}

/**
 * gst_vocr_line_new:
 * @text: the line, UTF-8
 * @confidence: 0 to 1
 * @x: left edge
 * @y: top edge
 * @width: box width
 * @height: box height
 * @angle: reading direction in degrees (Video Indexer convention)
 * @language: (nullable): BCP-47 language tag
 *
 * Returns: (transfer full): a new line without words
 */
GstVocrLine *
gst_vocr_line_new (const gchar * text, gdouble confidence, gint x, gint y,
    gint width, gint height, gdouble angle, const gchar * language)
{
  GstVocrLine *line = g_slice_new (GstVocrLine);

  line->text = g_strdup (text ? text : "");
  line->confidence = confidence;
  line->x = x;
  line->y = y;
  line->width = width;
  line->height = height;
  line->angle = angle;
  line->language = g_strdup (language ? language : "und");
  line->words = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_word_free);
  return line;
}

/**
 * gst_vocr_line_copy:
 * @line: a #GstVocrLine
 *
 * Returns: (transfer full): a deep copy of @line and its words
 */
GstVocrLine *
gst_vocr_line_copy (const GstVocrLine * line)
{
  g_return_val_if_fail (line != NULL, NULL);

  return gst_vocr_line_scale (line, 1.0, 1.0);
}

/**
 * gst_vocr_line_free:
 * @line: (transfer full) (nullable): a #GstVocrLine
 */
void
gst_vocr_line_free (GstVocrLine * line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line->language);
  g_ptr_array_unref (line->words);
  g_slice_free (GstVocrLine, line);
}

/**
 * gst_vocr_line_add_word:
 * @line: a #GstVocrLine that is not yet shared
 * @word: (transfer full): the next word of the line
 */
void
gst_vocr_line_add_word (GstVocrLine * line, GstVocrWord * word)
{
  g_return_if_fail (line != NULL);
  g_return_if_fail (word != NULL);
  g_ptr_array_add (line->words, word);
}

/**
 * gst_vocr_line_get_text:
 * @line: a #GstVocrLine
 *
 * Returns: (transfer none): the line's text
 */
const gchar *
gst_vocr_line_get_text (const GstVocrLine * line)
{
  g_return_val_if_fail (line != NULL, NULL);
  return line->text;
}

/**
 * gst_vocr_line_get_confidence:
 * @line: a #GstVocrLine
 *
 * Returns: the line's confidence, 0 to 1
 */
gdouble
gst_vocr_line_get_confidence (const GstVocrLine * line)
{
  g_return_val_if_fail (line != NULL, 0.0);
  return line->confidence;
}

/**
 * gst_vocr_line_get_box:
 * @line: a #GstVocrLine
 * @x: (out) (optional): left edge
 * @y: (out) (optional): top edge
 * @width: (out) (optional): width
 * @height: (out) (optional): height
 *
 * Gets the line's axis-aligned box in pixels of the frame it was read from.
 */
void
gst_vocr_line_get_box (const GstVocrLine * line, gint * x, gint * y,
    gint * width, gint * height)
{
  g_return_if_fail (line != NULL);
  if (x)
    *x = line->x;
  if (y)
    *y = line->y;
  if (width)
    *width = line->width;
  if (height)
    *height = line->height;
}

/**
 * gst_vocr_line_get_angle:
 * @line: a #GstVocrLine
 *
 * Returns: the reading direction in degrees: 0 left to right, 90 top to
 *   bottom, 180 right to left, -90 bottom to top
 */
gdouble
gst_vocr_line_get_angle (const GstVocrLine * line)
{
  g_return_val_if_fail (line != NULL, 0.0);
  return line->angle;
}

/**
 * gst_vocr_line_get_language:
 * @line: a #GstVocrLine
 *
 * Returns: (transfer none): the BCP-47 tag of the line's language, "und"
 *   when unknown
 */
const gchar *
gst_vocr_line_get_language (const GstVocrLine * line)
{
  g_return_val_if_fail (line != NULL, NULL);
  return line->language;
}

/**
 * gst_vocr_line_get_n_words:
 * @line: a #GstVocrLine
 *
 * Returns: the number of words in @line
 */
guint
gst_vocr_line_get_n_words (const GstVocrLine * line)
{
  g_return_val_if_fail (line != NULL, 0);
  return line->words->len;
}

/**
 * gst_vocr_line_get_word:
 * @line: a #GstVocrLine
 * @index: a word index, less than gst_vocr_line_get_n_words()
 *
 * Returns: (transfer none) (nullable): the word, or %NULL if @index is out
 *   of range
 */
const GstVocrWord *
gst_vocr_line_get_word (const GstVocrLine * line, guint index)
{
  g_return_val_if_fail (line != NULL, NULL);
  if (index >= line->words->len)
    return NULL;
  return g_ptr_array_index (line->words, index);
}

static void
scale_box (gint * x, gint * y, gint * width, gint * height, gdouble sx,
    gdouble sy)
{
  /* Scale both edges and derive the size from them, so that adjacent boxes
   * stay adjacent after rounding. */
  gint x0 = (gint) lround (*x * sx), y0 = (gint) lround (*y * sy);
  gint x1 = (gint) lround ((*x + *width) * sx);
  gint y1 = (gint) lround ((*y + *height) * sy);

  *x = x0;
  *y = y0;
  *width = x1 - x0;
  *height = y1 - y0;
}

/**
 * gst_vocr_line_scale:
 * @line: a #GstVocrLine
 * @sx: horizontal scale factor
 * @sy: vertical scale factor
 *
 * Makes a copy of @line whose line and word boxes are scaled, e.g. for a
 * frame that was resized.
 *
 * Returns: (transfer full): the scaled copy
 */
GstVocrLine *
gst_vocr_line_scale (const GstVocrLine * line, gdouble sx, gdouble sy)
{
  GstVocrLine *copy;
  guint i;

  g_return_val_if_fail (line != NULL, NULL);

  copy = gst_vocr_line_new (line->text, line->confidence, line->x, line->y,
      line->width, line->height, line->angle, line->language);
  scale_box (&copy->x, &copy->y, &copy->width, &copy->height, sx, sy);
  for (i = 0; i < line->words->len; i++) {
    GstVocrWord *word = gst_vocr_word_copy (g_ptr_array_index (line->words,
            i));

    scale_box (&word->x, &word->y, &word->width, &word->height, sx, sy);
    g_ptr_array_add (copy->words, word);
  }
  return copy;
}

static gboolean
is_unsure_symbols (const GstVocrWord * word, gdouble max_confidence)
{
  const gchar *p;

  if (word->confidence >= max_confidence)
    return FALSE;
  for (p = word->text; *p; p = g_utf8_next_char (p)) {
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return FALSE;
  }
  return TRUE;
}

/**
 * gst_vocr_line_trim_words:
 * @line: a #GstVocrLine that is not yet shared
 * @n_first: how many words to drop from its start
 * @n_last: how many words to drop from its end
 *
 * Drops words from the ends of @line, with their text. The line's text,
 * box and confidence become those of the words left (the confidence their
 * mean). Nothing changes when the words cannot be found at the ends of the
 * text, in order (a line written right to left), or when no word would be
 * left.
 *
 * Returns: %TRUE if words were dropped
 */
gboolean
gst_vocr_line_trim_words (GstVocrLine * line, guint n_first, guint n_last)
{
  guint last, i;
  const gchar *start, *end;
  gint x0 = G_MAXINT, y0 = G_MAXINT, x1 = G_MININT, y1 = G_MININT;
  gdouble confidence = 0;

  g_return_val_if_fail (line != NULL, FALSE);

  if ((n_first == 0 && n_last == 0) || n_first + n_last >= line->words->len)
    return FALSE;
  last = line->words->len - n_last;

  start = line->text;
  end = line->text + strlen (line->text);
  for (i = 0; i < n_first; i++) {
    const GstVocrWord *word = g_ptr_array_index (line->words, i);

    if (!g_str_has_prefix (start, word->text))
      return FALSE;
    start += strlen (word->text);
    while (*start == ' ')
      start++;
  }
  for (i = line->words->len; i > last; i--) {
    const GstVocrWord *word = g_ptr_array_index (line->words, i - 1);
    gsize len = strlen (word->text);

    if ((gsize) (end - start) < len || strncmp (end - len, word->text, len))
      return FALSE;
    end -= len;
    while (end > start && end[-1] == ' ')
      end--;
  }

  g_ptr_array_remove_range (line->words, last, n_last);
  g_ptr_array_remove_range (line->words, 0, n_first);
  memmove (line->text, start, end - start);
  line->text[end - start] = '\0';
  for (i = 0; i < line->words->len; i++) {
    const GstVocrWord *word = g_ptr_array_index (line->words, i);

    x0 = MIN (x0, word->x);
    y0 = MIN (y0, word->y);
    x1 = MAX (x1, word->x + word->width);
    y1 = MAX (y1, word->y + word->height);
    confidence += word->confidence;
  }
  line->x = x0;
  line->y = y0;
  line->width = x1 - x0;
  line->height = y1 - y0;
  line->confidence = confidence / line->words->len;
  return TRUE;
}

/**
 * gst_vocr_line_trim_unsure_symbols:
 * @line: a #GstVocrLine that is not yet shared
 * @max_confidence: words read with less confidence than this (0 to 1) may
 *   go
 *
 * Drops from both ends of @line the words made of symbols alone (no letter
 * or digit) read with less than @max_confidence: what OCR makes of a
 * plate's frame, a panel's border or a shadow beside the text ("_-®",
 * "“™", "."), as gst_vocr_line_trim_words() does.
 *
 * Returns: %TRUE if words were dropped
 */
gboolean
gst_vocr_line_trim_unsure_symbols (GstVocrLine * line, gdouble max_confidence)
{
  guint first = 0, last;

  g_return_val_if_fail (line != NULL, FALSE);

  last = line->words->len;
  while (first < last && is_unsure_symbols (g_ptr_array_index (line->words,
              first), max_confidence))
    first++;
  while (last > first && is_unsure_symbols (g_ptr_array_index (line->words,
              last - 1), max_confidence))
    last--;
  return gst_vocr_line_trim_words (line, first, line->words->len - last);
}
