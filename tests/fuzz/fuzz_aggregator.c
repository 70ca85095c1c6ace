/* gst-vocr fuzz target: the aggregation fed arbitrary per-sample results.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "vocr.h"

int LLVMFuzzerTestOneInput (const guint8 * data, size_t size);

static const gchar *texts[] = { "Hello World", "He1lo World", "hello world",
  "Breaking news", "Score 10", "Score 11", "", "  ", "\xff\xfe", "a",
  "Caption number one", "Caption number two"
};

/* Each sample: a time step (may go back), then up to three lines, each a
 * text and a box, from the bytes. Invariants checked at the end: ids 1..n
 * in order, every instance a forward interval, events for output items
 * only. */
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
      g_ptr_array_add (lines, gst_vocr_line_new (texts[data[pos] %
                  G_N_ELEMENTS (texts)], data[pos + 1] / 255.0,
              data[pos + 2] % 4 * 100, data[pos + 2] / 4 * 10, 200, 30, 0.0,
              "en-US"));
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
