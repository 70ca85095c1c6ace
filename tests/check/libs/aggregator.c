/* gst-vocr: unit tests of the aggregation of per-frame OCR results into
 * text items
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdarg.h>
#include <gst/check/gstcheck.h>
#include "vocr.h"

#define MS GST_MSECOND
/* running times are 10 s ahead of stream times, to tell them apart */
#define RUNNING(ms) ((ms) * MS + 10 * GST_SECOND)

static GstVocrLine *
line_at (const gchar * text, gdouble confidence, gint x, gint y)
{
  return gst_vocr_line_new (text, confidence, x, y, 200, 40, 0.0, "en-US");
}

/* Pushes a sample at @ms holding the NULL-terminated lines, which it
 * takes. */
static void
push (GstVocrAggregator * agg, guint ms, ...)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_line_free);
  GstVocrLine *line;
  va_list args;

  va_start (args, ms);
  while ((line = va_arg (args, GstVocrLine *)))
    g_ptr_array_add (lines, line);
  va_end (args);

  gst_vocr_aggregator_push_sample (agg, ms * MS, RUNNING (ms), lines);
  g_ptr_array_unref (lines);
}

/* Pushes a sample every 500 ms from @from_ms to @to_ms inclusive, showing
 * @text at 100,100 (or nothing if @text is NULL). */
static void
push_range (GstVocrAggregator * agg, guint from_ms, guint to_ms,
    const gchar * text)
{
  guint ms;

  for (ms = from_ms; ms <= to_ms; ms += 500) {
    if (text)
      push (agg, ms, line_at (text, 0.9, 100, 100), NULL);
    else
      push (agg, ms, NULL);
  }
}

static void
finish (GstVocrAggregator * agg, guint ms)
{
  gst_vocr_aggregator_finish (agg, ms * MS, RUNNING (ms));
}

/* An end of G_MAXUINT means an open instance, without end. */
static void
check_instance (const GstVocrItem * item, guint index, guint start_ms,
    guint end_ms)
{
  const GstVocrInstance *inst;

  fail_unless (index < item->instances->len);
  inst = &g_array_index (item->instances, GstVocrInstance, index);
  fail_unless_equals_uint64 (inst->start, start_ms * MS);
  fail_unless_equals_uint64 (inst->adjusted_start, RUNNING (start_ms));
  if (end_ms == G_MAXUINT) {
    fail_unless_equals_uint64 (inst->end, GST_CLOCK_TIME_NONE);
    fail_unless_equals_uint64 (inst->adjusted_end, GST_CLOCK_TIME_NONE);
  } else {
    fail_unless_equals_uint64 (inst->end, end_ms * MS);
    fail_unless_equals_uint64 (inst->adjusted_end, RUNNING (end_ms));
  }
}

static const GstVocrItem *
item_at (GPtrArray * items, guint index)
{
  fail_unless (index < items->len);
  return g_ptr_array_index (items, index);
}

static void
check_event (GPtrArray * events, guint index, GstVocrAggregatorEventType type,
    guint id, guint n_instances, guint start_ms, guint end_ms)
{
  const GstVocrAggregatorEvent *event;

  fail_unless (index < events->len);
  event = g_ptr_array_index (events, index);
  fail_unless_equals_int (event->type, type);
  fail_unless_equals_int (event->item->id, id);
  fail_unless_equals_int (event->item->instances->len, n_instances);
  check_instance (event->item, n_instances - 1, start_ms, end_ms);
}

GST_START_TEST (test_noisy_readings)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;
  const GstVocrItem *item;

  push (agg, 0, line_at ("Hello World", 0.9, 100, 100), NULL);
  push (agg, 500, line_at ("He1lo World", 0.6, 102, 101), NULL);
  /* the same text as the first once normalised, read less surely */
  push (agg, 1000, line_at ("hello  WORLD ", 0.8, 99, 100), NULL);
  push (agg, 1500, NULL);
  finish (agg, 2000);
  fail_unless_equals_int (gst_vocr_aggregator_get_n_samples (agg), 4);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  item = item_at (items, 0);
  fail_unless_equals_int (item->id, 1);
  fail_unless_equals_string (item->text, "Hello World");
  fail_unless (fabs (item->confidence - (0.9 + 0.6 + 0.8) / 3) < 1e-9);
  fail_unless_equals_int (item->x, 100);
  fail_unless_equals_int (item->y, 100);
  fail_unless_equals_int (item->width, 200);
  fail_unless_equals_int (item->height, 40);
  fail_unless_equals_string (item->language, "en-US");
  fail_unless_equals_int (item->instances->len, 1);
  check_instance (item, 0, 0, 1500);

  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_reappearance_is_new_instance)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;
  const GstVocrItem *item;

  push_range (agg, 0, 1000, "2017 Ruler");
  push_range (agg, 1500, 4000, NULL);
  push_range (agg, 4500, 5000, "2017 Ruler");
  finish (agg, 5500);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  item = item_at (items, 0);
  fail_unless_equals_int (item->id, 1);
  fail_unless_equals_string (item->text, "2017 Ruler");
  fail_unless_equals_int (item->instances->len, 2);
  check_instance (item, 0, 0, 1500);
  check_instance (item, 1, 4500, 5500);

  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

/* "Morning news" for a second, nothing for two minutes, then again. */
static void
push_two_minute_gap (GstVocrAggregator * agg)
{
  push_range (agg, 0, 1000, "Morning news");
  push_range (agg, 1500, 121000, NULL);
  push_range (agg, 121500, 122000, "Morning news");
  finish (agg, 122500);
}

GST_START_TEST (test_retired_items_stay_in_the_output)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;
  guint i;

  /* the first item retires after a minute of empty samples */
  gst_vocr_aggregator_set_retire_after (agg, 60 * GST_SECOND);
  push_two_minute_gap (agg);

  /* retired: kept as it was, and the text seen again is a new item */
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 2);
  fail_unless_equals_int (item_at (items, 0)->id, 1);
  fail_unless_equals_string (item_at (items, 0)->text, "Morning news");
  check_instance (item_at (items, 0), 0, 0, 1500);
  fail_unless_equals_int (item_at (items, 1)->id, 2);
  check_instance (item_at (items, 1), 0, 121500, 122500);
  fail_unless_equals_int (gst_vocr_aggregator_get_n_items (agg), 2);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* within the retirement delay (the default, or one too large to add to
   * a time), the same item comes back */
  for (i = 0; i < 2; i++) {
    agg = gst_vocr_aggregator_new ();
    if (i == 1)
      gst_vocr_aggregator_set_retire_after (agg, G_MAXUINT64 - 1);
    push_two_minute_gap (agg);
    items = gst_vocr_aggregator_get_items (agg);
    fail_unless_equals_int (items->len, 1);
    fail_unless_equals_int (item_at (items, 0)->instances->len, 2);
    g_ptr_array_unref (items);
    gst_vocr_aggregator_free (agg);
  }
}

GST_END_TEST;

/* A day of a news channel, simulated: two samples a second, a new
 * headline every 10 s under a constant bug. */
GST_START_TEST (test_day_long_stream_stays_bounded)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  const gchar *words[] = { "storm", "market", "council", "river", "match",
    "vote", "bridge", "harvest", "festival", "strike", "museum", "tunnel",
    "election", "summit", "airport", "forest", "theatre", "harbour"
  };
  guint64 i, n = 2 * 3600 * 24;
  guint max_active = 0;

  for (i = 0; i < n; i++) {
    guint64 k = i / 20;
    gchar *headline = g_strdup_printf ("%s %s %" G_GUINT64_FORMAT,
        words[k % G_N_ELEMENTS (words)],
        words[(k / G_N_ELEMENTS (words)) % G_N_ELEMENTS (words)], k);
    GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
        gst_vocr_line_free);

    g_ptr_array_add (lines, line_at ("LIVE", 0.9, 10, 10));
    g_ptr_array_add (lines, line_at (headline, 0.9, 100, 600));
    gst_vocr_aggregator_push_sample (agg, i * 500 * MS, i * 500 * MS, lines);
    g_ptr_array_unref (lines);
    g_ptr_array_unref (gst_vocr_aggregator_pop_events (agg));
    g_free (headline);
    max_active = MAX (max_active, gst_vocr_aggregator_get_n_active (agg));
  }
  /* every headline is an item of the output, but only the last ten
   * minutes' are matched against each sample */
  fail_unless (gst_vocr_aggregator_get_n_items (agg) > 8000,
      "%u items", gst_vocr_aggregator_get_n_items (agg));
  fail_unless (max_active <= 70, "%u items matched at once", max_active);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_gap_tolerance)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  /* one missed sample at 500 ms intervals: 500 ms <= 1.5 intervals */
  push_range (agg, 0, 500, "Caption");
  push (agg, 1000, NULL);
  push_range (agg, 1500, 2000, "Caption");
  push (agg, 2500, NULL);
  finish (agg, 3000);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  fail_unless_equals_int (item_at (items, 0)->instances->len, 1);
  check_instance (item_at (items, 0), 0, 0, 2500);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* two missed samples: 1 s > 1.5 intervals splits it */
  agg = gst_vocr_aggregator_new ();
  push (agg, 0, line_at ("Caption", 0.9, 100, 100), NULL);
  push_range (agg, 500, 1000, NULL);
  push (agg, 1500, line_at ("Caption", 0.9, 100, 100), NULL);
  finish (agg, 2000);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  fail_unless_equals_int (item_at (items, 0)->instances->len, 2);
  check_instance (item_at (items, 0), 0, 0, 500);
  check_instance (item_at (items, 0), 1, 1500, 2000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* jittered sampling: a 600 ms gap is within 1.5 intervals, 800 ms not */
  agg = gst_vocr_aggregator_new ();
  push_range (agg, 0, 500, "Caption");
  push (agg, 1000, NULL);
  push (agg, 1600, line_at ("Caption", 0.9, 100, 100), NULL);
  push (agg, 2000, NULL);
  push (agg, 2800, line_at ("Caption", 0.9, 100, 100), NULL);
  finish (agg, 3000);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (item_at (items, 0)->instances->len, 2);
  check_instance (item_at (items, 0), 0, 0, 2000);
  check_instance (item_at (items, 0), 1, 2800, 3000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* an explicit maximum gap overrides the automatic one */
  agg = gst_vocr_aggregator_new ();
  gst_vocr_aggregator_set_max_gap (agg, 1000 * MS);
  push (agg, 0, line_at ("Caption", 0.9, 100, 100), NULL);
  push_range (agg, 500, 1000, NULL);
  push (agg, 1500, line_at ("Caption", 0.9, 100, 100), NULL);
  finish (agg, 2000);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (item_at (items, 0)->instances->len, 1);
  check_instance (item_at (items, 0), 0, 0, 2000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

static GPtrArray *
run_flicker (GstClockTime min_duration)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  gst_vocr_aggregator_set_min_duration (agg, min_duration);
  push (agg, 0, line_at ("Steady", 0.9, 100, 100), NULL);
  push (agg, 500, line_at ("Steady", 0.9, 100, 100),
      line_at ("Flash", 0.9, 100, 300), NULL);
  push_range (agg, 1000, 2000, "Steady");
  finish (agg, 2500);
  items = gst_vocr_aggregator_get_items (agg);
  gst_vocr_aggregator_free (agg);
  return items;
}

/* Pushes a sample at @ms holding @line (taken; NULL for none), with the
 * changes given as (x, y, width, height, ms, moving) sextuples, @n_changes
 * of them. */
static void
push_changed (GstVocrAggregator * agg, guint ms, GstVocrLine * line,
    guint n_changes, ...)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_line_free);
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (GstVocrChange));
  va_list args;
  guint i;

  if (line)
    g_ptr_array_add (lines, line);
  va_start (args, n_changes);
  for (i = 0; i < n_changes; i++) {
    GstVocrChange c;

    c.x = va_arg (args, gint);
    c.y = va_arg (args, gint);
    c.width = va_arg (args, gint);
    c.height = va_arg (args, gint);
    c.timestamp = va_arg (args, guint) * MS;
    c.moving = va_arg (args, gboolean);
    g_array_append_val (changes, c);
  }
  va_end (args);
  gst_vocr_aggregator_push_sample_full (agg, ms * MS, RUNNING (ms), changes,
      lines);
  g_array_unref (changes);
  g_ptr_array_unref (lines);
}

GST_START_TEST (test_changes_date_instances)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  /* a caption (at 100,100, 200x40) came at 300 ms and went at 1700 ms,
   * between samples; a change elsewhere at 200 ms is not its */
  push (agg, 0, NULL);
  push_changed (agg, 500, line_at ("Caption", 0.9, 100, 100), 2,
      100, 100, 200, 40, 300, FALSE, 600, 600, 16, 16, 200, FALSE);
  push_range (agg, 1000, 1500, "Caption");
  push_changed (agg, 2000, NULL, 1, 96, 96, 208, 48, 1700, FALSE);
  /* one seen from the sample at 2500 on, with no change dated: then */
  push (agg, 2500, line_at ("Title", 0.9, 100, 300), NULL);
  push (agg, 3000, line_at ("Title", 0.9, 100, 300), NULL);
  push (agg, 3500, line_at ("Title", 0.9, 100, 300), NULL);
  finish (agg, 4000);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 2);
  check_instance (item_at (items, 0), 0, 300, 1700);
  check_instance (item_at (items, 1), 0, 2500, 4000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* most of the box changed at 400 ms, a corner (a moving background) at
   * 450: 400; changes not after the previous sample, or after this one,
   * do not count */
  agg = gst_vocr_aggregator_new ();
  push (agg, 0, NULL);
  push_changed (agg, 500, line_at ("Caption", 0.9, 100, 100), 4,
      100, 100, 180, 40, 400, FALSE, 280, 100, 20, 40, 450, FALSE,
      100, 100, 200, 40, 0, FALSE, 100, 100, 200, 40, 600, FALSE);
  push_range (agg, 1000, 1500, "Caption");
  finish (agg, 2000);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  check_instance (item_at (items, 0), 0, 400, 2000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* moving text (most of its box): the reading is of the sample */
  agg = gst_vocr_aggregator_new ();
  push (agg, 0, NULL);
  push_changed (agg, 500, line_at ("Ticker", 0.9, 100, 100), 2,
      100, 100, 150, 40, 300, TRUE, 250, 100, 50, 40, 100, FALSE);
  push_range (agg, 1000, 1500, "Ticker");
  push_changed (agg, 2000, NULL, 1, 100, 100, 200, 40, 1600, TRUE);
  finish (agg, 2500);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  check_instance (item_at (items, 0), 0, 500, 2000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* The minimum duration (two intervals) counts samples: a text read in
   * one sample is not output however early it came, one read in two is
   * however briefly it was shown between them. A text missing from one
   * sample is bridged wherever in the interval it changed. */
  agg = gst_vocr_aggregator_new ();
  push (agg, 0, NULL);
  push_changed (agg, 500, line_at ("Flash", 0.9, 100, 300), 1,
      100, 300, 200, 40, 20, FALSE);
  push (agg, 1000, line_at ("Caption", 0.9, 100, 100), NULL);
  push_changed (agg, 1500, NULL, 1, 100, 100, 200, 40, 1020, FALSE);
  push_range (agg, 2000, 2500, "Caption");
  push_changed (agg, 3000, line_at ("Brief", 0.9, 100, 500), 1,
      100, 500, 200, 40, 2990, FALSE);
  push (agg, 3500, line_at ("Brief", 0.9, 100, 500), NULL);
  push_changed (agg, 4000, NULL, 1, 100, 500, 200, 40, 3510, FALSE);
  finish (agg, 4500);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 2);
  fail_unless_equals_string (item_at (items, 0)->text, "Caption");
  fail_unless_equals_int (item_at (items, 0)->instances->len, 1);
  check_instance (item_at (items, 0), 0, 1000, 3000);
  fail_unless_equals_string (item_at (items, 1)->text, "Brief");
  check_instance (item_at (items, 1), 0, 2990, 3510);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_flicker_min_duration)
{
  GPtrArray *items;

  /* one sampling interval's worth keeps the one-sample flicker */
  items = run_flicker (500 * MS);
  fail_unless_equals_int (items->len, 2);
  fail_unless_equals_string (item_at (items, 1)->text, "Flash");
  fail_unless_equals_int (item_at (items, 1)->id, 2);
  check_instance (item_at (items, 1), 0, 500, 1000);
  g_ptr_array_unref (items);

  /* by default two samples' worth is needed: the flicker is dropped */
  items = run_flicker (GST_CLOCK_TIME_NONE);
  fail_unless_equals_int (items->len, 1);
  fail_unless_equals_string (item_at (items, 0)->text, "Steady");
  fail_unless_equals_int (item_at (items, 0)->id, 1);
  check_instance (item_at (items, 0), 0, 0, 2500);
  g_ptr_array_unref (items);
}

GST_END_TEST;

/* A line of 20 px high words 60 px wide, 70 px apart, from @x. */
static GstVocrLine *
words_at (const gchar * text, gint x)
{
  gchar **words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words), i;
  GstVocrLine *line = gst_vocr_line_new (text, 0.9, x, 300, 70 * n - 10, 20,
      0.0, "en-US");

  for (i = 0; i < n; i++)
    gst_vocr_line_add_word (line, gst_vocr_word_new (words[i], 0.9,
            x + 70 * i, 300, 60, 20));
  g_strfreev (words);
  return line;
}

/* A ticker's line is new text in every sample, but its words were read,
 * elsewhere, in the samples before and after: one sample is enough. Its
 * first sample has no sample before to tell it scrolls by, so it is its
 * line; from the next on, its words are items (see
 * test_scrolling_line_is_its_words). Words read in place (typed in) or
 * nowhere else (misread) are not. */
GST_START_TEST (test_scrolling_words_corroborate)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;
  const gchar *words[] = { "charlie", "delta", "echo", "foxtrot" };
  guint i;

  /* scrolling left by 50 px a sample, a word in, a word out */
  push (agg, 0, words_at ("alpha bravo charlie delta echo", 100), NULL);
  push (agg, 500, words_at ("bravo charlie delta echo foxtrot", 120), NULL);
  push (agg, 1000, words_at ("charlie delta echo foxtrot golf", 140), NULL);
  /* typed in place; then a line with a word no other sample has */
  push (agg, 1500, words_at ("hotel india", 100), NULL);
  push (agg, 2000, words_at ("hotel india juliett", 100), NULL);
  push (agg, 2500, words_at ("hotel india juliett kilo", 100), NULL);
  push (agg, 3000, words_at ("hotel india juliett kilo", 100), NULL);
  push (agg, 3500, words_at ("lima mike", 100), NULL);
  push (agg, 4000, words_at ("lima mike xray", 120), NULL);
  push (agg, 4500, words_at ("lima mike", 140), NULL);
  push (agg, 5000, words_at ("lima mike", 140), NULL);
  finish (agg, 5500);
  items = gst_vocr_aggregator_get_items (agg);

  /* "bravo" and "golf", read in one sample each, are not items */
  fail_unless_equals_int (items->len, 7);
  fail_unless_equals_string (item_at (items, 0)->text,
      "alpha bravo charlie delta echo");
  check_instance (item_at (items, 0), 0, 0, 500);
  for (i = 0; i < G_N_ELEMENTS (words); i++) {
    fail_unless_equals_string (item_at (items, 1 + i)->text, words[i]);
    check_instance (item_at (items, 1 + i), 0, 500, 1500);
  }
  fail_unless_equals_string (item_at (items, 5)->text,
      "hotel india juliett kilo");
  check_instance (item_at (items, 5), 0, 2500, 3500);
  fail_unless_equals_string (item_at (items, 6)->text, "lima mike");
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

/* The words of a ticker's stream, 70 px apart, "•" between stories. */
static const gchar *const stream[] = { "alpha", "bravo", "charlie", "•",
  "delta", "echo", "foxtrot", "golf", "•", "hotel", "india", "juliett",
  "kilo", "lima"
};

/* The ticker's window, 600 px wide, and how far its text moves left
 * from sample to sample: farther than a word is wide, so that a word's
 * boxes in two samples do not overlap. */
#define TICKER_WIDTH 600
#define TICKER_SHIFT 80

/* Where the ticker's @word is at sample @s. */
static gint
stream_x (guint word, guint s)
{
  return 300 + 70 * (gint) word - TICKER_SHIFT * (gint) s;
}

/* The ticker's words wholly inside the window at sample @s, read as lines
 * parted at its separators (as Tesseract parts them): a line per story.
 * Samples 7 and 8 misread "hotel". */
static void
add_ticker_lines (GPtrArray * lines, guint s)
{
  GstVocrLine *line = NULL;
  GString *text = g_string_new (NULL);
  guint w;

  for (w = 0; w <= G_N_ELEMENTS (stream); w++) {
    gint x = stream_x (w, s);
    gboolean shown = w < G_N_ELEMENTS (stream) && x >= 0
        && x + 60 <= TICKER_WIDTH;
    const gchar *word = shown && w == 9 && (s == 7 || s == 8) ? "hotei" :
        shown ? stream[w] : NULL;

    if (line && (word == NULL || g_str_equal (word, "•"))) {
      g_free (line->text);
      line->text = g_strdup (text->str);
      g_ptr_array_add (lines, line);
      line = NULL;
    }
    if (word == NULL || g_str_equal (word, "•"))
      continue;
    if (line == NULL) {
      line = gst_vocr_line_new ("", 0.9, x, 300, 0, 20, 0.0, "en-US");
      g_string_truncate (text, 0);
    }
    gst_vocr_line_add_word (line, gst_vocr_word_new (word, 0.9, x, 300, 60,
            20));
    g_string_append_printf (text, "%s%s", text->len ? " " : "", word);
    line->width = x + 60 - line->x;
  }
  g_string_free (text, TRUE);
}

/* A ticker's lines are windows on a text moving through them: its words,
 * not its lines, are what stays from sample to sample, so each word is an
 * item, from the first sample that shows it whole to the first that no
 * longer does, whether the story it is in is read as a line of its own
 * (moving whole) or with others, once words are seen to come in (sample
 * 3). Separators are not items; a word misread
 * in two samples is still one item, matched where the row's shift puts
 * it. A sign moving across the picture, the same text, stays its line. */
GST_START_TEST (test_scrolling_line_is_its_words)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;
  guint s, w, i;

  for (s = 0; s < 16; s++) {
    GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
        gst_vocr_line_free);

    add_ticker_lines (lines, s);
    g_ptr_array_add (lines, gst_vocr_line_new ("Main Street", 0.9,
            600 - 60 * s, 100, 150, 30, 0.0, "en-US"));
    gst_vocr_aggregator_push_sample (agg, s * 500 * MS, RUNNING (s * 500),
        lines);
    g_ptr_array_unref (lines);
  }
  finish (agg, 8000);
  items = gst_vocr_aggregator_get_items (agg);

  for (i = 0; i < items->len; i++) {
    const GstVocrItem *item = item_at (items, i);

    fail_if (strstr (item->text, "•") != NULL, "%s", item->text);
    fail_if (strstr (item->text, "hotei") != NULL, "%s", item->text);
    /* until words come into a story (sample 3), it moves whole, as a sign
     * would */
    if (strchr (item->text, ' ') && !g_str_equal (item->text, "Main Street")) {
      const GstVocrInstance *inst = &g_array_index (item->instances,
          GstVocrInstance, item->instances->len - 1);

      fail_unless (inst->end <= 1500 * MS, "%s", item->text);
    }
  }
  for (w = 0; w < G_N_ELEMENTS (stream); w++) {
    guint first = G_MAXUINT, last = 0;

    for (s = 0; s < 16; s++) {
      gint x = stream_x (w, s);

      if (x >= 0 && x + 60 <= TICKER_WIDTH) {
        first = MIN (first, s);
        last = s;
      }
    }
    /* the words that come in once the row scrolls (sample 3) */
    if (g_str_equal (stream[w], "•") || first < 3 || first == G_MAXUINT
        || last == first)
      continue;
    for (i = 0; i < items->len; i++) {
      if (g_str_equal (item_at (items, i)->text, stream[w]))
        break;
    }
    fail_unless (i < items->len, "no item %s", stream[w]);
    fail_unless_equals_int (item_at (items, i)->instances->len, 1);
    check_instance (item_at (items, i), 0, first * 500,
        last == 15 ? 8000 : (last + 1) * 500);
  }
  for (i = 0; i < items->len; i++) {
    if (g_str_equal (item_at (items, i)->text, "Main Street"))
      break;
  }
  fail_unless (i < items->len);
  check_instance (item_at (items, i), 0, 0, 8000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

/* Text the stream ends on had no second sample to come: one is enough. */
GST_START_TEST (test_text_at_the_end_needs_one_sample)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  push_range (agg, 0, 1000, "Steady");
  push (agg, 1500, line_at ("Steady", 0.9, 100, 100),
      line_at ("Last words", 0.9, 100, 300), NULL);
  finish (agg, 2000);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 2);
  fail_unless_equals_string (item_at (items, 1)->text, "Last words");
  check_instance (item_at (items, 1), 0, 1500, 2000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_ids_first_appearance)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  /* same first appearance: line order decides, not position */
  push (agg, 0, line_at ("Bottom line", 0.9, 100, 400),
      line_at ("Top line", 0.9, 100, 10), NULL);
  push (agg, 500, line_at ("Top line", 0.9, 100, 10),
      line_at ("Bottom line", 0.9, 100, 400),
      line_at ("Late line", 0.9, 100, 200), NULL);
  push (agg, 1000, line_at ("Late line", 0.9, 100, 200),
      line_at ("Bottom line", 0.9, 100, 400),
      line_at ("Top line", 0.9, 100, 10), NULL);
  finish (agg, 1500);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 3);
  fail_unless_equals_string (item_at (items, 0)->text, "Bottom line");
  fail_unless_equals_int (item_at (items, 0)->id, 1);
  fail_unless_equals_string (item_at (items, 1)->text, "Top line");
  fail_unless_equals_int (item_at (items, 1)->id, 2);
  fail_unless_equals_string (item_at (items, 2)->text, "Late line");
  fail_unless_equals_int (item_at (items, 2)->id, 3);
  check_instance (item_at (items, 0), 0, 0, 1500);
  check_instance (item_at (items, 2), 0, 500, 1500);

  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_moving_text)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  /* 400 px per sample: the boxes (200 px wide) never overlap */
  push (agg, 0, line_at ("Breaking news", 0.9, 0, 100), NULL);
  push (agg, 500, line_at ("Breaking news", 0.9, 400, 100), NULL);
  push (agg, 1000, line_at ("Breaking News", 0.8, 800, 100), NULL);
  push (agg, 1500, line_at ("Breaking news", 0.9, 1200, 100), NULL);
  finish (agg, 2000);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  fail_unless_equals_string (item_at (items, 0)->text, "Breaking news");
  fail_unless_equals_int (item_at (items, 0)->instances->len, 1);
  check_instance (item_at (items, 0), 0, 0, 2000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* a misreading is only the same item where the boxes overlap (each is
   * read once: output them all) */
  agg = gst_vocr_aggregator_new ();
  gst_vocr_aggregator_set_min_duration (agg, 0);
  push (agg, 0, line_at ("Breaking news", 0.9, 0, 100), NULL);
  push (agg, 500, line_at ("Breaklng newz", 0.9, 400, 100), NULL);
  finish (agg, 1000);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 2);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_different_text_same_box)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  push_range (agg, 0, 500, "Chapter 1: Intro");
  push_range (agg, 1000, 1500, "Summary");
  finish (agg, 2000);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 2);
  fail_unless_equals_string (item_at (items, 0)->text, "Chapter 1: Intro");
  check_instance (item_at (items, 0), 0, 0, 1000);
  fail_unless_equals_string (item_at (items, 1)->text, "Summary");
  check_instance (item_at (items, 1), 0, 1000, 2000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

/* Texts differing only in a number are different texts, however similar:
 * a slide's page number, a score. */
GST_START_TEST (test_different_numbers_are_different_texts)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  push_range (agg, 0, 500, "Page 2");
  push_range (agg, 1000, 1500, "Page 3");
  push_range (agg, 2000, 2500, "Score 10:2 Page 3");
  push_range (agg, 3000, 3500, "Score 10:2 Page 3.");
  finish (agg, 4000);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 3);
  fail_unless_equals_string (item_at (items, 0)->text, "Page 2");
  check_instance (item_at (items, 0), 0, 0, 1000);
  fail_unless_equals_string (item_at (items, 1)->text, "Page 3");
  check_instance (item_at (items, 1), 0, 1000, 2000);
  /* punctuation is no number: one text */
  check_instance (item_at (items, 2), 0, 2000, 4000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  fail_if (gst_vocr_text_is_same ("Page 2", "Page 3", 0.8));
  fail_unless (gst_vocr_text_is_same ("Page 3", "page  3.", 0.8));
  fail_unless (gst_vocr_text_is_same ("He1lo World", "Hello World", 0.8));
  fail_unless (gst_vocr_text_is_same ("Page", "Page 3", 0.6));
  fail_if (gst_vocr_text_is_same ("Page", "Page 3", 0.8));
}

GST_END_TEST;

/* A busy scene with noise, flicker, repeats and moving text; returns its
 * JSON and its JSON Lines. */
static gchar *
run_scene (void)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GString *out = g_string_new (NULL);
  GPtrArray *items, *events;
  gchar *json;
  guint i, j, ms;

  for (i = 0, ms = 0; i < 40; i++, ms += 500) {
    GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
        gst_vocr_line_free);

    if (i % 7 != 3)
      g_ptr_array_add (lines, line_at (i % 5 ? "SALE 50%" : "SA1E 50%",
              0.5 + (i % 4) * 0.1, 10, 10));
    if (i % 2)
      g_ptr_array_add (lines, line_at ("SALE 50%", 0.7, 600, 10));
    if (i > 10 && i < 30)
      g_ptr_array_add (lines, line_at ("Scrolling ticker text", 0.8,
              i * 300, 500));
    if (i == 20)
      g_ptr_array_add (lines, line_at ("Glitch", 0.2, 300, 300));
    gst_vocr_aggregator_push_sample (agg, ms * MS, RUNNING (ms), lines);
    g_ptr_array_unref (lines);

    events = gst_vocr_aggregator_pop_events (agg);
    for (j = 0; j < events->len; j++) {
      gchar *line = gst_vocr_insights_event_to_jsonl (g_ptr_array_index
          (events, j));

      g_string_append (out, line);
      g_free (line);
    }
    g_ptr_array_unref (events);
  }
  finish (agg, ms);

  items = gst_vocr_aggregator_get_items (agg);
  json = gst_vocr_insights_to_json (items, "scene", ms * MS, NULL);
  g_string_append (out, json);
  g_free (json);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
  return g_string_free (out, FALSE);
}

GST_START_TEST (test_determinism)
{
  gchar *run1 = run_scene (), *run2 = run_scene ();

  fail_unless (strstr (run1, "\"Scrolling ticker text\"") != NULL);
  fail_unless_equals_string (run1, run2);
  g_free (run1);
  g_free (run2);
}

GST_END_TEST;

GST_START_TEST (test_min_confidence)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  gst_vocr_aggregator_set_min_confidence (agg, 0.5);
  /* the unsure line comes first but takes no id */
  push (agg, 0, line_at ("Blurry", 0.3, 100, 300),
      line_at ("Clear", 0.9, 100, 100), NULL);
  push (agg, 500, line_at ("Blurry", 0.4, 100, 300),
      line_at ("Clear", 0.8, 100, 100), NULL);
  finish (agg, 1000);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  fail_unless_equals_string (item_at (items, 0)->text, "Clear");
  fail_unless_equals_int (item_at (items, 0)->id, 1);
  fail_unless (fabs (item_at (items, 0)->confidence - 0.85) < 1e-9);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_finish_closes)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items, *events;

  push (agg, 0, line_at ("Stays", 0.9, 100, 100),
      line_at ("Leaves", 0.9, 100, 300), NULL);
  push (agg, 500, line_at ("Stays", 0.9, 100, 100),
      line_at ("Leaves", 0.9, 100, 300), NULL);
  push (agg, 1000, line_at ("Stays", 0.9, 100, 100), NULL);
  g_ptr_array_unref (gst_vocr_aggregator_pop_events (agg));

  /* while running, open instances end at the latest sample or the first
   * sample that missed them */
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 2);
  check_instance (item_at (items, 0), 0, 0, 1000);
  check_instance (item_at (items, 1), 0, 0, 1000);
  g_ptr_array_unref (items);

  finish (agg, 1200);
  items = gst_vocr_aggregator_get_items (agg);
  check_instance (item_at (items, 0), 0, 0, 1200);
  check_instance (item_at (items, 1), 0, 0, 1000);
  g_ptr_array_unref (items);

  events = gst_vocr_aggregator_pop_events (agg);
  fail_unless_equals_int (events->len, 2);
  check_event (events, 0, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END, 1, 1, 0,
      1200);
  check_event (events, 1, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END, 2, 1, 0,
      1000);
  g_ptr_array_unref (events);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_events)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *events, *items;
  const GstVocrAggregatorEvent *event;

  gst_vocr_aggregator_set_min_duration (agg, 0);

  push (agg, 0, line_at ("Alpha", 0.9, 100, 100), NULL);
  events = gst_vocr_aggregator_pop_events (agg);
  fail_unless_equals_int (events->len, 1);
  check_event (events, 0, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START, 1, 1, 0,
      G_MAXUINT);
  event = g_ptr_array_index (events, 0);
  fail_unless_equals_string (event->item->text, "Alpha");
  g_ptr_array_unref (events);

  push (agg, 500, line_at ("Alpha", 0.9, 100, 100), NULL);
  push_range (agg, 1000, 1500, NULL);
  events = gst_vocr_aggregator_pop_events (agg);
  fail_unless_equals_int (events->len, 0);
  g_ptr_array_unref (events);

  /* missing for 1 s now: the instance ended when it was first missed */
  push (agg, 2000, NULL);
  push (agg, 2500, line_at ("Alpha", 0.9, 100, 100), NULL);
  finish (agg, 3000);
  events = gst_vocr_aggregator_pop_events (agg);
  fail_unless_equals_int (events->len, 3);
  check_event (events, 0, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END, 1, 1, 0,
      1000);
  check_event (events, 1, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START, 1, 2,
      2500, G_MAXUINT);
  check_instance (((GstVocrAggregatorEvent *) g_ptr_array_index (events,
              1))->item, 0, 0, 1000);
  check_event (events, 2, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END, 1, 2, 2500,
      3000);
  g_ptr_array_unref (events);

  events = gst_vocr_aggregator_pop_events (agg);
  fail_unless_equals_int (events->len, 0);
  g_ptr_array_unref (events);
  gst_vocr_aggregator_free (agg);

  /* an item that qualifies late announces its past with the original
   * times */
  agg = gst_vocr_aggregator_new ();
  gst_vocr_aggregator_set_min_duration (agg, 1500 * MS);
  push_range (agg, 0, 500, "Beta");
  push_range (agg, 1000, 2500, NULL);
  push (agg, 3000, line_at ("Beta", 0.9, 100, 100), NULL);
  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 0);
  g_ptr_array_unref (items);
  events = gst_vocr_aggregator_pop_events (agg);
  fail_unless_equals_int (events->len, 0);
  g_ptr_array_unref (events);

  push (agg, 3500, line_at ("Beta", 0.9, 100, 100), NULL);
  events = gst_vocr_aggregator_pop_events (agg);
  fail_unless_equals_int (events->len, 3);
  check_event (events, 0, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START, 1, 1, 0,
      G_MAXUINT);
  check_event (events, 1, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END, 1, 1, 0,
      1000);
  check_event (events, 2, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START, 1, 2,
      3000, G_MAXUINT);
  g_ptr_array_unref (events);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  check_instance (item_at (items, 0), 1, 3000, 3500);
  g_ptr_array_unref (items);
  push (agg, 4000, NULL);
  items = gst_vocr_aggregator_get_items (agg);
  check_instance (item_at (items, 0), 1, 3000, 4000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_median_box_and_language)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  static const gint boxes[5][4] = {
    {10, 20, 100, 30}, {12, 22, 100, 30}, {11, 21, 104, 30},
    {14, 20, 106, 40}, {9, 19, 96, 30},
  };
  static const gdouble angles[5] = { 0.0, 2.0, 1.0, 3.0, -1.0 };
  static const gchar *languages[5] =
      { "de-DE", "en-US", "en-US", "de-DE", "en-US" };
  GPtrArray *items;
  const GstVocrItem *item;
  guint i;

  for (i = 0; i < 5; i++)
    push (agg, i * 500, gst_vocr_line_new ("Median", 0.9, boxes[i][0],
            boxes[i][1], boxes[i][2], boxes[i][3], angles[i], languages[i]),
        NULL);
  finish (agg, 2500);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  item = item_at (items, 0);
  /* left 9 10 11 12 14, right 105 110 112 115 120 */
  fail_unless_equals_int (item->x, 11);
  fail_unless_equals_int (item->width, 101);
  /* top 19 20 20 21 22, bottom 49 50 51 52 60 */
  fail_unless_equals_int (item->y, 20);
  fail_unless_equals_int (item->height, 31);
  fail_unless_equals_float (item->angle, 1.0);
  fail_unless_equals_string (item->language, "en-US");
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);

  /* even counts take the mean of the middle two; language ties go to the
   * first seen */
  agg = gst_vocr_aggregator_new ();
  push (agg, 0, gst_vocr_line_new ("Even", 0.9, 10, 10, 100, 20, 0.0,
          "fr-FR"), NULL);
  push (agg, 500, gst_vocr_line_new ("Even", 0.9, 20, 10, 100, 20, 90.0,
          "de-DE"), NULL);
  finish (agg, 1000);
  items = gst_vocr_aggregator_get_items (agg);
  item = item_at (items, 0);
  fail_unless_equals_int (item->x, 15);
  fail_unless_equals_int (item->width, 100);
  fail_unless_equals_float (item->angle, 45.0);
  fail_unless_equals_string (item->language, "fr-FR");
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_many_readings)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;
  const GstVocrItem *item;
  guint i;

  /* far more readings than an item keeps, most of them at x = 100, the
   * later ones at x = 500: the kept readings must stay spread over the
   * item's whole life, not favour the latest */
  for (i = 0; i < 1600; i++)
    push (agg, i * 500, line_at (i % 3 == 2 ? "Tlcker" : "Ticker",
            i % 3 == 2 ? 0.6 : 0.9, i < 1000 ? 100 : 500, 100), NULL);
  finish (agg, 1600 * 500);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  item = item_at (items, 0);
  fail_unless_equals_string (item->text, "Ticker");
  fail_unless_equals_int (item->x, 100);
  fail_unless_equals_int (item->width, 200);
  /* the mean is over all readings, kept or not */
  fail_unless (fabs (item->confidence - (1067 * 0.9 + 533 * 0.6) / 1600) <
      1e-9);
  fail_unless_equals_int (item->instances->len, 1);
  check_instance (item, 0, 0, 800000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_discontinuity)
{
  GstVocrAggregator *agg = gst_vocr_aggregator_new ();
  GPtrArray *items;

  push_range (agg, 0, 1000, "Seek");
  /* no stream time: ignored */
  gst_vocr_aggregator_push_sample (agg, GST_CLOCK_TIME_NONE, 0, NULL);
  fail_unless_equals_int (gst_vocr_aggregator_get_n_samples (agg), 3);
  /* back in time: the open instance ends at the last sample */
  push_range (agg, 200, 700, "Seek");
  finish (agg, 1200);

  items = gst_vocr_aggregator_get_items (agg);
  fail_unless_equals_int (items->len, 1);
  fail_unless_equals_int (item_at (items, 0)->instances->len, 2);
  check_instance (item_at (items, 0), 0, 0, 1000);
  check_instance (item_at (items, 0), 1, 200, 1200);
  g_ptr_array_unref (items);

  /* an end before the last sample is the last sample */
  gst_vocr_aggregator_free (agg);
  agg = gst_vocr_aggregator_new ();
  push_range (agg, 0, 1000, "Seek");
  finish (agg, 400);
  items = gst_vocr_aggregator_get_items (agg);
  check_instance (item_at (items, 0), 0, 0, 1000);
  g_ptr_array_unref (items);
  gst_vocr_aggregator_free (agg);
}

GST_END_TEST;

GST_START_TEST (test_item_copy)
{
  GstVocrInstance inst = { GST_SECOND, 2 * GST_SECOND, 0, GST_SECOND,
    GST_CLOCK_TIME_NONE, GST_CLOCK_TIME_NONE
  };
  GstVocrItem item = { 3, (gchar *) "text", 0.5, 1, 2, 3, 4, 0.0,
    (gchar *) "en-US", g_array_new (FALSE, FALSE, sizeof (GstVocrInstance))
  };
  GstVocrItem *copy;

  g_array_append_val (item.instances, inst);
  copy = gst_vocr_item_copy (&item);
  fail_unless (copy->text != item.text && copy->instances != item.instances);
  fail_unless_equals_string (copy->text, "text");
  fail_unless_equals_int (copy->id, 3);
  fail_unless_equals_int (copy->instances->len, 1);
  fail_unless_equals_uint64 (g_array_index (copy->instances, GstVocrInstance,
          0).end, 2 * GST_SECOND);
  gst_vocr_item_free (copy);
  g_array_unref (item.instances);
}

GST_END_TEST;

static Suite *
aggregator_suite (void)
{
  Suite *s = suite_create ("vocr-aggregator");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_noisy_readings);
  tcase_add_test (tc, test_reappearance_is_new_instance);
  tcase_add_test (tc, test_retired_items_stay_in_the_output);
  tcase_add_test (tc, test_day_long_stream_stays_bounded);
  tcase_add_test (tc, test_gap_tolerance);
  tcase_add_test (tc, test_flicker_min_duration);
  tcase_add_test (tc, test_changes_date_instances);
  tcase_add_test (tc, test_text_at_the_end_needs_one_sample);
  tcase_add_test (tc, test_scrolling_words_corroborate);
  tcase_add_test (tc, test_scrolling_line_is_its_words);
  tcase_add_test (tc, test_ids_first_appearance);
  tcase_add_test (tc, test_moving_text);
  tcase_add_test (tc, test_different_text_same_box);
  tcase_add_test (tc, test_different_numbers_are_different_texts);
  tcase_add_test (tc, test_determinism);
  tcase_add_test (tc, test_min_confidence);
  tcase_add_test (tc, test_finish_closes);
  tcase_add_test (tc, test_events);
  tcase_add_test (tc, test_median_box_and_language);
  tcase_add_test (tc, test_many_readings);
  tcase_add_test (tc, test_discontinuity);
  tcase_add_test (tc, test_item_copy);
  return s;
}

GST_CHECK_MAIN (aggregator);
