/* gst-vocr fuzz target: the aggregation fed arbitrary per-sample results.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "vocr.h"

int LLVMFuzzerTestOneInput (const guint8 * data, size_t size);

static const gchar *texts[] = { "Hello World", "He1lo World", "hello world",
  "Breaking news", "Score 10", "Score 11", "", "  ", "\xff\xfe", "a",
  "Caption number one", "Caption number two", "alpha bravo • charlie delta",
  "bravo • charlie delta echo"
};

/* A line of @text at @x, @y; with @words, its words too, 70 px apart
 * (a line whose words were read in the sample before, moved, is a
 * ticker's, split into its words: "alpha bravo • charlie delta" then
 * "bravo • charlie delta echo" 70 px to the right). */
static GstVocrLine *
line_at (const gchar * text, gdouble confidence, gint x, gint y,
    gboolean words)
{
  gchar **split = words ? g_strsplit (text, " ", -1) : NULL;
  guint n = split ? g_strv_length (split) : 0, i;
  GstVocrLine *line = gst_vocr_line_new (text, confidence, x, y,
      n ? 70 * n - 10 : 200, 30, 0.0, "en-US");

  for (i = 0; i < n; i++)
    gst_vocr_line_add_word (line, gst_vocr_word_new (split[i], confidence,
            x + 70 * (gint) i, y, 60, 30));
  g_strfreev (split);
  return line;
}

/* Each sample: a time step (may go back), then up to three lines, each a
 * text, a box and whether it has words, from the bytes. Invariants
 * checked at the end: ids 1..n in order, every instance a forward
 * interval, events for output items only. */
int
LLVMFuzzerTestOneInput (const guint8 * data, size_t size)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GstClockTime t = 0;
  GPtrArray *items, *events;
  size_t pos = 0;
  guint i, j;

  if (size && data[0] & 1)
    gst_vocr_aggregator_set_retire_after (agg, 5 * GST_SECOND);
  while (pos + 2 <= size) {
    GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
        gst_vocr_line_free);
    guint8 step = data[pos++], n = data[pos++] % 4;

    if (step == 0xff && t > GST_SECOND)
      t -= GST_SECOND;
    else
      t += (step % 8) * 250 * GST_MSECOND;
    for (i = 0; i < n && pos + 3 <= size; i++, pos += 3) {
      g_ptr_array_add (lines, line_at (texts[data[pos] %
                  G_N_ELEMENTS (texts)], data[pos + 1] / 255.0,
              data[pos + 2] % 4 * 100 - data[pos] / 16 * 20,
              data[pos + 2] / 4 * 10, data[pos + 1] & 1));
    }
    gst_vocr_aggregator_push_sample (agg, t, t + GST_SECOND, lines);
    g_ptr_array_unref (lines);
    events = gst_vocr_aggregator_pop_events (agg);
    for (i = 0; i < events->len; i++) {
      GstVocrAggregatorEvent *e = g_ptr_array_index (events, i);

      g_assert (e->item->id > 0 && e->item->instances->len > 0);
    }
    g_ptr_array_unref (events);
  }
  gst_vocr_aggregator_finish (agg, t + GST_SECOND, GST_CLOCK_TIME_NONE);

  items = gst_vocr_aggregator_get_items (agg);
  g_assert (items->len == gst_vocr_aggregator_get_n_items (agg));
  for (i = 0; i < items->len; i++) {
    const GstVocrItem *item = g_ptr_array_index (items, i);

    g_assert (item->id == i + 1);
    g_assert (g_utf8_validate (item->text, -1, NULL) && *item->text);
    g_assert (item->instances->len > 0);
    for (j = 0; j < item->instances->len; j++) {
      const GstVocrInstance *inst = &g_array_index (item->instances,
          GstVocrInstance, j);

      g_assert (GST_CLOCK_TIME_IS_VALID (inst->start));
      g_assert (GST_CLOCK_TIME_IS_VALID (inst->end));
      g_assert (inst->start <= inst->end);
    }
  }
  g_ptr_array_unref (items);
  g_ptr_array_unref (gst_vocr_aggregator_pop_events (agg));
  gst_vocr_aggregator_free (agg);
  return 0;
}
