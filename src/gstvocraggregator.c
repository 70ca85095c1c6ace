/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:gstvocraggregator
 * @title: GstVocrAggregator
 * @short_description: turns per-frame OCR results into distinct text items
 *
 * OCR reads each sampled frame on its own: the same caption comes back
 * once per sample, often with a character misread, a slightly different
 * box or missing from one frame. The aggregator folds these readings into
 * one #GstVocrItem per distinct text, with the stretches of time it was on
 * screen, as Video Indexer's `ocr` insight has them.
 *
 * Matching. The lines of a sample are normalised (NFKC, case folded, white
 * space collapsed and trimmed) and compared with every item so far,
 * including items that are no longer on screen, so that a text coming back
 * is the same item with a new instance. A line and an item are a candidate
 * pair when their similarity (1 - Levenshtein distance / longer length, in
 * characters) reaches the similarity setting and their boxes overlap, or,
 * for moving text, when the similarity reaches 0.95 wherever the boxes are;
 * never when both have numbers and these differ ("Page 2", "Page 3").
 * Within a sample a line goes to at most one item and an item takes at most
 * one line: the pairs are taken best first (higher similarity, then larger
 * box overlap, then older item, then earlier line). Lines that match
 * nothing start new items.
 *
 * Scrolling text. A ticker's line is a window on text moving through it:
 * its text is new in every sample, its words are not. A line two or more
 * of whose words were read in the sample before along the same row, four
 * in five of them moved alike by more than the line's height, while the
 * line did not move with them (words came in or went at one of its ends),
 * scrolls; so do the other lines of its row, and, once a row scrolled, a
 * line of it whose words moved alike. Such lines are split into their
 * words (those with a letter or a digit), each a line of its own, whose
 * box is compared with the items' moved back by the row's shift: each
 * word is an item, shown from the first sample that has it to the first
 * that no longer does.
 *
 * Timing. An instance starts at the first sample that shows the text and
 * ends, exclusive, at the first sample that no longer shows it; where a
 * sample says where and when the text changed since the sample before
 * (gst_vocr_aggregator_push_sample_full()), at the changes in the text's
 * box instead. A text missing from samples for no longer than the maximum
 * gap (by default 1.5 sampling intervals, the interval being the smallest
 * spacing seen between two samples) continues its instance as if it had
 * never been missing, so one dropped reading does not split it.
 *
 * Output and ids. An item is output once its instances add up to the
 * minimum duration (counted from sample to sample: a text read in one
 * sample only is that, whenever it came) and its mean confidence reaches
 * the minimum confidence.
 * By default the minimum duration is two sampling intervals, and one for
 * an item read in one sample whose words (four in five at least, two or
 * more) were also read in new lines of the sample before or after, moved
 * by more than the line's height: a scrolling ticker's line is new text in
 * every sample, but its words are not. After each sample and at
 * gst_vocr_aggregator_finish() the items that have newly qualified get the
 * next ids, ordered by the start of their first instance, then by the order
 * they were created in (which is the order of the lines in the sample).
 * An id is never taken back or changed, and an item that has qualified
 * stays output even if its mean confidence later drops: its events have
 * already been announced. Ids therefore follow first appearance except
 * where a later text qualified before an earlier one. The result depends
 * only on the samples pushed, never on when items or events are read.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gstvocraggregator.h"

#define DEFAULT_SIMILARITY 0.8
/* Texts this similar are one item wherever they are: scrolling and moving
 * text leaves its old box between two samples. */
#define MOVING_SIMILARITY 0.95
/* An item keeps at most this many readings for its medians and its best
 * text. When full, every other reading is dropped and from then on only
 * every 2nd (4th, ...) new reading is kept: the kept readings stay spread
 * evenly over the item's life, deterministically, and a text shown for
 * days costs no more memory than one shown for two minutes. */
#define MAX_READINGS 256
/* An item not seen for this long is retired: its output is frozen and it
 * is no longer matched, so that a stream running for days matches each
 * sample against the texts of the last minutes, not of the whole day. */
#define DEFAULT_RETIRE_AFTER (600 * GST_SECOND)

/* The normalised texts an item was read as, with the best raw reading of
 * each. */
typedef struct
{
  gunichar *norm;
  glong norm_len;
  gunichar *digits;             /* of its numbers: number_digits() */
  glong n_digits;
  gchar *text;
  gdouble text_confidence;
  /* over the kept readings */
  guint count;
  gdouble sum_confidence;
} Variant;

enum
{
  LEFT, TOP, RIGHT, BOTTOM, ANGLE, CONFIDENCE, N_VALUES
};

typedef struct
{
  gdouble values[N_VALUES];
  guint variant;
  const gchar *language;        /* interned */
} Reading;

typedef struct
{
  guint serial;                 /* creation order, index in the items */
  guint id;                     /* 0 until it qualifies */

  GArray *instances;            /* GstVocrInstance, the last one open if open */
  gboolean open;
  /* when the open instance's text went: the change time of the first
   * sample that missed it (miss_sample), NONE if the latest sample showed
   * it */
  GstClockTime miss, miss_running, miss_sample;
  /* how long samples showed it: the closed instances' time from their
   * first sample to the first that missed them, and the open one's first
   * sample (instances can start and end between samples; an item
   * qualifies by what the samples saw) */
  GstClockTime seen, seen_since;
  /* the last sample of the stream showed it */
  gboolean at_end;

  /* where it was last seen, to match the next sample against */
  gint x, y, width, height;

  GArray *variants;
  guint best;                   /* the variant with the most readings */
  GArray *readings;
  guint stride;                 /* keep every stride-th reading */
  guint64 n_readings;           /* all readings, kept or not */
  gdouble sum_confidence;       /* over all readings */

  /* Started by the latest sample: its words (Word) that no new line of
   * the sample before had elsewhere, how many words it has, and its
   * height */
  GArray *unconfirmed;
  guint n_words;
  gint line_height;
  /* read in one sample, its words also read in new lines of the samples
   * before and after: scrolling text, not a misreading */
  gboolean corroborated;
} Item;

/* A line of the sample being matched. */
typedef struct
{
  const GstVocrLine *line;
  gunichar *norm;
  glong norm_len;
  gunichar *digits;
  glong n_digits;
  /* how far across its text moved since the sample before, if it is a
   * scrolling line's word (split_scrolling()), else 0 */
  gint shift;
} SampleLine;

typedef struct
{
  gdouble similarity, overlap;
  guint item, line;
} Candidate;

struct _GstVocrAggregator
{
  gdouble similarity;
  GstClockTime max_gap, min_duration;
  gdouble min_confidence;

  GPtrArray *items;
  GPtrArray *retired;           /* GstVocrItem: output items no longer
                                 * matched */
  GstClockTime retire_after;
  GPtrArray *events;
  guint n_ids;

  guint n_samples;
  GstClockTime last_time, last_running;
  GstClockTime interval;

  GArray *row;                  /* scratch for the edit distance */
  /* the latest sample's lines (GstVocrLine), to tell scrolling text by,
   * and which of them scrolled (gboolean) */
  GPtrArray *last_lines;
  GArray *last_scrolled;
  /* the words of the lines that started items in the latest sample */
  GHashTable *new_words;
};

/* The form texts are compared in: NFKC, case folded, runs of white space
 * collapsed to one space and trimmed; as characters, so that distances
 * count characters rather than bytes. */
static gunichar *
normalise (const gchar * text, glong * len)
{
  gchar *valid = g_utf8_make_valid (text, -1);
  gchar *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  gchar *folded = g_utf8_casefold (nfkc, -1);
  gunichar *chars;
  glong n, i, j = 0;
  gboolean space = FALSE;

  chars = g_utf8_to_ucs4_fast (folded, -1, &n);
  for (i = 0; i < n; i++) {
    if (g_unichar_isspace (chars[i])) {
      space = j > 0;
    } else {
      if (space)
        chars[j++] = ' ';
      chars[j++] = chars[i];
      space = FALSE;
    }
  }
  *len = j;

  g_free (folded);
  g_free (nfkc);
  g_free (valid);
  return chars;
}

/* 1 - Levenshtein distance / length of the longer text, with one row of the
 * dynamic programme over the shorter text. */
static gdouble
similarity (GArray * row_scratch, const gunichar * a, glong la,
    const gunichar * b, glong lb)
{
  guint *row;
  glong i, j;

  if (la < lb) {
    const gunichar *t = a;
    glong lt = la;

    a = b;
    la = lb;
    b = t;
    lb = lt;
  }
  if (la == 0)
    return 1.0;

  g_array_set_size (row_scratch, lb + 1);
  row = (guint *) row_scratch->data;
  for (j = 0; j <= lb; j++)
    row[j] = j;
  for (i = 1; i <= la; i++) {
    guint diag = row[0];

    row[0] = i;
    for (j = 1; j <= lb; j++) {
      guint up = row[j];

      row[j] = MIN (diag + (a[i - 1] != b[j - 1]), MIN (up, row[j - 1]) + 1);
      diag = up;
    }
  }
  return 1.0 - (gdouble) row[lb] / la;
}

/* Intersection over union of the line's box, moved back across by
 * @shift, and the item's latest one; 0 when they do not overlap. */
static gdouble
box_overlap (const GstVocrLine * line, gint shift, const Item * item)
{
  gint64 x = (gint64) line->x - shift;
  gint64 w = MIN (x + line->width,
      (gint64) item->x + item->width) - MAX (x, item->x);
  gint64 h = MIN ((gint64) line->y + line->height,
      (gint64) item->y + item->height) - MAX (line->y, item->y);
  gint64 inter, uni;

  if (w <= 0 || h <= 0)
    return 0.0;
  inter = w * h;
  uni = (gint64) line->width * line->height +
      (gint64) item->width * item->height - inter;
  return (gdouble) inter / uni;
}

static Item *
item_new (guint serial)
{
  Item *item = g_slice_new0 (Item);

  item->serial = serial;
  item->instances = g_array_new (FALSE, FALSE, sizeof (GstVocrInstance));
  item->miss = item->miss_running = item->miss_sample = GST_CLOCK_TIME_NONE;
  item->variants = g_array_new (FALSE, FALSE, sizeof (Variant));
  item->readings = g_array_new (FALSE, FALSE, sizeof (Reading));
  item->stride = 1;
  return item;
}

static void
variant_clear (Variant * v)
{
  g_free (v->norm);
  g_free (v->digits);
  g_free (v->text);
}

static void
item_free (Item * item)
{
  guint i;

  for (i = 0; i < item->variants->len; i++)
    variant_clear (&g_array_index (item->variants, Variant, i));
  g_array_unref (item->variants);
  g_array_unref (item->readings);
  g_array_unref (item->instances);
  if (item->unconfirmed)
    g_array_unref (item->unconfirmed);
  g_slice_free (Item, item);
}

static const Variant *
item_best_variant (const Item * item)
{
  return &g_array_index (item->variants, Variant, item->best);
}

/* Most readings, then the higher summed confidence, then the earlier. */
static void
item_update_best (Item * item)
{
  const Variant *v = (const Variant *) item->variants->data;
  guint i;

  item->best = 0;
  for (i = 1; i < item->variants->len; i++) {
    if (v[i].count > v[item->best].count ||
        (v[i].count == v[item->best].count &&
            v[i].sum_confidence > v[item->best].sum_confidence))
      item->best = i;
  }
}

/* Halves the kept readings and recounts the variants from the ones left,
 * dropping variants no kept reading refers to. */
static void
item_decimate (Item * item)
{
  Reading *r = (Reading *) item->readings->data;
  Variant *v = (Variant *) item->variants->data;
  guint i, j, *map;

  for (i = 0; i < item->readings->len; i += 2)
    r[i / 2] = r[i];
  g_array_set_size (item->readings, (item->readings->len + 1) / 2);
  item->stride *= 2;

  for (i = 0; i < item->variants->len; i++) {
    v[i].count = 0;
    v[i].sum_confidence = 0.0;
  }
  for (i = 0; i < item->readings->len; i++) {
    v[r[i].variant].count++;
    v[r[i].variant].sum_confidence += r[i].values[CONFIDENCE];
  }

  map = g_new (guint, item->variants->len);
  for (i = 0, j = 0; i < item->variants->len; i++) {
    if (v[i].count == 0) {
      variant_clear (&v[i]);
      continue;
    }
    map[i] = j;
    v[j++] = v[i];
  }
  g_array_set_size (item->variants, j);
  for (i = 0; i < item->readings->len; i++)
    r[i].variant = map[r[i].variant];
  g_free (map);
}

static void
item_add_reading (Item * item, const SampleLine * sl)
{
  const GstVocrLine *line = sl->line;
  Reading r;
  Variant *v = NULL;
  guint i;

  item->x = line->x;
  item->y = line->y;
  item->width = line->width;
  item->height = line->height;
  item->sum_confidence += line->confidence;
  if (item->n_readings++ % item->stride != 0)
    return;

  r.values[LEFT] = line->x;
  r.values[TOP] = line->y;
  r.values[RIGHT] = (gdouble) line->x + line->width;
  r.values[BOTTOM] = (gdouble) line->y + line->height;
  r.values[ANGLE] = line->angle;
  r.values[CONFIDENCE] = line->confidence;
  r.language = g_intern_string (line->language ? line->language : "und");

  for (i = 0; i < item->variants->len; i++) {
    v = &g_array_index (item->variants, Variant, i);
    if (v->norm_len == sl->norm_len &&
        memcmp (v->norm, sl->norm, sl->norm_len * sizeof (gunichar)) == 0)
      break;
  }
  if (i == item->variants->len) {
    Variant nv = { 0, };

    nv.norm = g_memdup2 (sl->norm, sl->norm_len * sizeof (gunichar));
    nv.norm_len = sl->norm_len;
    nv.digits = g_memdup2 (sl->digits, sl->n_digits * sizeof (gunichar));
    nv.n_digits = sl->n_digits;
    g_array_append_val (item->variants, nv);
    v = &g_array_index (item->variants, Variant, i);
  }
  if (v->text == NULL || line->confidence > v->text_confidence) {
    g_free (v->text);
    v->text = g_strstrip (g_utf8_make_valid (line->text, -1));
    v->text_confidence = line->confidence;
  }
  r.variant = i;
  v->count++;
  v->sum_confidence += r.values[CONFIDENCE];
  g_array_append_val (item->readings, r);

  if (item->readings->len == MAX_READINGS)
    item_decimate (item);
  item_update_best (item);
}

static gint
compare_double (gconstpointer a, gconstpointer b)
{
  gdouble da = *(const gdouble *) a, db = *(const gdouble *) b;

  return (da > db) - (da < db);
}

/* The median of one value over the kept readings; the mean of the middle
 * two for an even count. */
static gdouble
item_median (const Item * item, guint value, gdouble * scratch)
{
  const Reading *r = (const Reading *) item->readings->data;
  guint i, n = item->readings->len;

  for (i = 0; i < n; i++)
    scratch[i] = r[i].values[value];
  qsort (scratch, n, sizeof (gdouble), compare_double);
  if (n % 2)
    return scratch[n / 2];
  return (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
}

/* The language most kept readings were in, the first seen on a tie. */
static const gchar *
item_language (const Item * item)
{
  const Reading *r = (const Reading *) item->readings->data;
  const gchar *best = r[0].language;
  guint i, j, best_count = 0;

  for (i = 0; i < item->readings->len; i++) {
    guint count = 0;

    for (j = 0; j < i; j++) {
      if (r[j].language == r[i].language)
        break;
    }
    if (j < i)
      continue;                 /* counted already */
    for (j = i; j < item->readings->len; j++)
      count += r[j].language == r[i].language;
    if (count > best_count) {
      best = r[i].language;
      best_count = count;
    }
  }
  return best;
}

/* A deep copy of the item as it is now, with its first @n_instances
 * instances as they are stored (an open one without end). */
static GstVocrItem *
item_snapshot (const Item * item, guint n_instances)
{
  GstVocrItem *out = g_slice_new (GstVocrItem);
  gdouble *scratch = g_new (gdouble, item->readings->len);

  out->id = item->id;
  out->text = g_strdup (item_best_variant (item)->text);
  out->confidence = item->sum_confidence / item->n_readings;
  out->x = (gint) lround (item_median (item, LEFT, scratch));
  out->y = (gint) lround (item_median (item, TOP, scratch));
  out->width = (gint) lround (item_median (item, RIGHT, scratch)) - out->x;
  out->height = (gint) lround (item_median (item, BOTTOM, scratch)) - out->y;
  out->angle = item_median (item, ANGLE, scratch);
  out->language = g_strdup (item_language (item));
  out->instances = g_array_sized_new (FALSE, FALSE, sizeof (GstVocrInstance),
      n_instances);
  g_array_append_vals (out->instances, item->instances->data, n_instances);
  g_free (scratch);
  return out;
}

/* Where an open instance ends as far as is known: at the first sample that
 * missed it, else at the latest sample, which still showed it. */
static void
item_open_end (GstVocrAggregator * agg, const Item * item, GstClockTime * end,
    GstClockTime * end_running)
{
  if (GST_CLOCK_TIME_IS_VALID (item->miss)) {
    *end = item->miss;
    *end_running = item->miss_running;
  } else {
    *end = agg->last_time;
    *end_running = agg->last_running;
  }
}

static GstClockTime
item_duration (GstVocrAggregator * agg, const Item * item)
{
  GstClockTime total = item->seen, end;

  if (item->open) {
    end = GST_CLOCK_TIME_IS_VALID (item->miss_sample) ? item->miss_sample :
        agg->last_time;
    /* after a discontinuity an instance may end before it starts */
    if (end > item->seen_since)
      total += end - item->seen_since;
  }
  return total;
}

static void
emit (GstVocrAggregator * agg, GstVocrAggregatorEventType type,
    const Item * item, guint instance)
{
  GstVocrAggregatorEvent *event = g_slice_new (GstVocrAggregatorEvent);

  event->type = type;
  event->item = item_snapshot (item, instance + 1);
  if (type == GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START) {
    GstVocrInstance *inst =
        &g_array_index (event->item->instances, GstVocrInstance, instance);

    /* an item that qualifies late replays its closed instances */
    inst->end = inst->adjusted_end = GST_CLOCK_TIME_NONE;
  }
  g_ptr_array_add (agg->events, event);
}

static void
item_open (GstVocrAggregator * agg, Item * item, GstClockTime sample_time,
    GstClockTime start, GstClockTime start_running)
{
  GstVocrInstance inst = { start, GST_CLOCK_TIME_NONE, start_running,
    GST_CLOCK_TIME_NONE, GST_CLOCK_TIME_NONE, GST_CLOCK_TIME_NONE
  };

  g_array_append_val (item->instances, inst);
  item->seen_since = sample_time;
  item->open = TRUE;
  item->miss = item->miss_running = item->miss_sample = GST_CLOCK_TIME_NONE;
  if (item->id)
    emit (agg, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START, item,
        item->instances->len - 1);
}

static void
item_close (GstVocrAggregator * agg, Item * item, GstClockTime end,
    GstClockTime end_running)
{
  GstVocrInstance *inst = &g_array_index (item->instances, GstVocrInstance,
      item->instances->len - 1);
  GstClockTime sample_end;

  inst->end = end;
  inst->adjusted_end = end_running;
  sample_end = GST_CLOCK_TIME_IS_VALID (item->miss_sample) ?
      item->miss_sample : end;
  if (sample_end > item->seen_since)
    item->seen += sample_end - item->seen_since;
  item->open = FALSE;
  item->miss = item->miss_running = item->miss_sample = GST_CLOCK_TIME_NONE;
  if (item->id)
    emit (agg, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END, item,
        item->instances->len - 1);
}

/* Ends every open instance: at the first sample that missed it, else at
 * @end. */
static void
close_all (GstVocrAggregator * agg, GstClockTime end, GstClockTime end_running)
{
  guint i;

  for (i = 0; i < agg->items->len; i++) {
    Item *item = g_ptr_array_index (agg->items, i);

    if (!item->open)
      continue;
    if (GST_CLOCK_TIME_IS_VALID (item->miss))
      item_close (agg, item, item->miss, item->miss_running);
    else
      item_close (agg, item, end, end_running);
  }
}

static gboolean
item_qualifies (GstVocrAggregator * agg, const Item * item, gboolean final)
{
  GstClockTime min_duration = agg->min_duration;

  if (!GST_CLOCK_TIME_IS_VALID (min_duration)) {
    /* two sampling intervals: text read in one sample only is more often a
     * misreading (a shape read as a letter, a word half faded in) than
     * text shown for under a second (dev set: 0.908 -> 0.910 F1, real
     * photos 0.784 -> 0.793). Text the stream ended on (or an error cut
     * short) had no second sample to come, and a scrolling ticker's line is
     * new text in every sample, but its words were read before and after
     * (corroborated): one is enough. Before a second sample there is no
     * interval to judge by. */
    if (GST_CLOCK_TIME_IS_VALID (agg->interval))
      min_duration = agg->interval * ((final && item->at_end)
          || item->corroborated ? 1 : 2);
    else if (final)
      min_duration = 0;
    else
      return FALSE;
  }
  return item_duration (agg, item) >= min_duration &&
      item->sum_confidence / item->n_readings >= agg->min_confidence;
}

static gint
compare_first_appearance (gconstpointer a, gconstpointer b)
{
  const Item *ia = *(const Item **) a, *ib = *(const Item **) b;
  GstClockTime sa = g_array_index (ia->instances, GstVocrInstance, 0).start;
  GstClockTime sb = g_array_index (ib->instances, GstVocrInstance, 0).start;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return (ia->serial > ib->serial) - (ia->serial < ib->serial);
}

/* Gives the newly qualified items their ids and announces their instances
 * so far, with their original times. */
static void
assign_ids (GstVocrAggregator * agg, gboolean final)
{
  GPtrArray *fresh = g_ptr_array_new ();
  guint i, j;

  for (i = 0; i < agg->items->len; i++) {
    Item *item = g_ptr_array_index (agg->items, i);

    if (item->id == 0 && item_qualifies (agg, item, final))
      g_ptr_array_add (fresh, item);
  }
  g_ptr_array_sort (fresh, compare_first_appearance);

  for (i = 0; i < fresh->len; i++) {
    Item *item = g_ptr_array_index (fresh, i);

    item->id = ++agg->n_ids;
    for (j = 0; j < item->instances->len; j++) {
      emit (agg, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START, item, j);
      if (!item->open || j < item->instances->len - 1)
        emit (agg, GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END, item, j);
    }
  }
  g_ptr_array_unref (fresh);
}

/* The digits of the numbers of the normalised text @t (@len characters),
 * the words of digits and no letters ("2", "10:2", "59.8."); their count
 * goes to @n. */
static gunichar *
number_digits (const gunichar * t, glong len, glong * n)
{
  gunichar *digits = g_new (gunichar, MAX (len, 1));
  glong i = 0;

  *n = 0;
  while (i < len) {
    glong end = i, k;
    gboolean digit = FALSE, letter = FALSE;

    while (end < len && t[end] != ' ') {
      digit |= g_unichar_isdigit (t[end]);
      letter |= g_unichar_isalpha (t[end]);
      end++;
    }
    for (k = i; digit && !letter && k < end; k++)
      if (g_unichar_isdigit (t[k]))
        digits[(*n)++] = t[k];
    i = end + 1;
  }
  return digits;
}

/* Whether texts with the number digits @a (@na of them) and @b (@nb) can
 * be the same text: "Page 2" and "Page 3", "Score 1:0" and "Score 2:0",
 * are similar texts but different ones, and a number read wrong once is no
 * reading of its text. Only numbers standing alone count: a letter read as
 * a digit inside a word ("He1lo") is OCR noise; and a text without numbers
 * may be one whose number was not read. */
static gboolean
same_numbers (const gunichar * a, glong na, const gunichar * b, glong nb)
{
  return na == 0 || nb == 0 || (na == nb
      && memcmp (a, b, na * sizeof (gunichar)) == 0);
}

static gint
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->similarity != cb->similarity)
    return ca->similarity > cb->similarity ? -1 : 1;
  if (ca->overlap != cb->overlap)
    return ca->overlap > cb->overlap ? -1 : 1;
  if (ca->item != cb->item)
    return ca->item < cb->item ? -1 : 1;
  return (ca->line > cb->line) - (ca->line < cb->line);
}

/* Pairs lines with existing items one to one, best pairs first: fills in,
 * per item, the index of its line or -1, and per line whether it was
 * taken. */
static void
match (GstVocrAggregator * agg, const GArray * lines, gint * line_of_item,
    gboolean * line_taken)
{
  guint n_items = agg->items->len, i, l;
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  gdouble moving = MAX (MOVING_SIMILARITY, agg->similarity);

  for (l = 0; l < lines->len; l++) {
    const SampleLine *sl = &g_array_index (lines, SampleLine, l);

    for (i = 0; i < n_items; i++) {
      const Item *item = g_ptr_array_index (agg->items, i);
      const Variant *v = item_best_variant (item);
      glong longest = MAX (v->norm_len, sl->norm_len);
      Candidate c;

      /* the distance is at least the difference in length */
      if (1.0 - (gdouble) ABS (v->norm_len - sl->norm_len) / longest <
          agg->similarity
          || !same_numbers (sl->digits, sl->n_digits, v->digits, v->n_digits))
        continue;
      c.similarity = similarity (agg->row, sl->norm, sl->norm_len, v->norm,
          v->norm_len);
      c.overlap = box_overlap (sl->line, sl->shift, item);
      c.item = i;
      c.line = l;
      if ((c.similarity >= agg->similarity && c.overlap > 0) ||
          c.similarity >= moving)
        g_array_append_val (candidates, c);
    }
  }
  g_array_sort (candidates, compare_candidates);

  for (i = 0; i < n_items; i++)
    line_of_item[i] = -1;
  for (i = 0; i < candidates->len; i++) {
    const Candidate *c = &g_array_index (candidates, Candidate, i);

    if (line_of_item[c->item] < 0 && !line_taken[c->line]) {
      line_of_item[c->item] = c->line;
      line_taken[c->line] = TRUE;
    }
  }

  g_array_unref (candidates);
}

static void
sample_line_clear (SampleLine * sl)
{
  g_free (sl->norm);
  g_free (sl->digits);
}

/**
 * gst_vocr_item_copy:
 * @item: a #GstVocrItem
 *
 * Returns: (transfer full): a deep copy of @item
 */
GstVocrItem *
gst_vocr_item_copy (const GstVocrItem * item)
{
  GstVocrItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_slice_new (GstVocrItem);
  *copy = *item;
  copy->text = g_strdup (item->text);
  copy->language = g_strdup (item->language);
  copy->instances = g_array_new (FALSE, FALSE, sizeof (GstVocrInstance));
  if (item->instances)
    g_array_append_vals (copy->instances, item->instances->data,
        item->instances->len);
  return copy;
}

/**
 * gst_vocr_item_free:
 * @item: (transfer full) (nullable): a #GstVocrItem
 */
void
gst_vocr_item_free (GstVocrItem * item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item->language);
  if (item->instances)
    g_array_unref (item->instances);
  g_slice_free (GstVocrItem, item);
}

/**
 * gst_vocr_item_set_wallclock:
 * @item: a #GstVocrItem
 * @running_time: the running time of a frame
 * @wallclock: when that frame was captured, ns since the UNIX epoch
 *
 * Gives @item's instances their wall-clock times: running time advances
 * with the clock, so an instance's wall-clock start is its adjusted start
 * moved by the frame's difference (and likewise its end). Does nothing if
 * either time is GST_CLOCK_TIME_NONE.
 */
void
gst_vocr_item_set_wallclock (GstVocrItem * item, GstClockTime running_time,
    GstClockTime wallclock)
{
  GstClockTimeDiff offset;
  guint i;

  g_return_if_fail (item != NULL);
  if (!GST_CLOCK_TIME_IS_VALID (running_time)
      || !GST_CLOCK_TIME_IS_VALID (wallclock))
    return;
  offset = GST_CLOCK_DIFF (running_time, wallclock);
  for (i = 0; i < item->instances->len; i++) {
    GstVocrInstance *inst = &g_array_index (item->instances, GstVocrInstance,
        i);

    if (GST_CLOCK_TIME_IS_VALID (inst->adjusted_start))
      inst->wallclock_start = inst->adjusted_start + offset;
    if (GST_CLOCK_TIME_IS_VALID (inst->adjusted_end))
      inst->wallclock_end = inst->adjusted_end + offset;
  }
}

/**
 * gst_vocr_aggregator_event_free:
 * @event: (transfer full) (nullable): a #GstVocrAggregatorEvent
 */
void
gst_vocr_aggregator_event_free (GstVocrAggregatorEvent * event)
{
  if (event == NULL)
    return;
  gst_vocr_item_free (event->item);
  g_slice_free (GstVocrAggregatorEvent, event);
}

/**
 * gst_vocr_aggregator_new:
 *
 * Makes an aggregator with the default settings: similarity 0.8, automatic
 * maximum gap and minimum duration, no minimum confidence.
 *
 * Returns: (transfer full): a new aggregator
 */
GstVocrAggregator *
gst_vocr_aggregator_new (void)
{
  GstVocrAggregator *agg = g_slice_new0 (GstVocrAggregator);

  agg->similarity = DEFAULT_SIMILARITY;
  agg->max_gap = GST_CLOCK_TIME_NONE;
  agg->min_duration = GST_CLOCK_TIME_NONE;
  agg->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  agg->retired = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_item_free);
  agg->retire_after = DEFAULT_RETIRE_AFTER;
  agg->events = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_aggregator_event_free);
  agg->last_time = agg->last_running = GST_CLOCK_TIME_NONE;
  agg->interval = GST_CLOCK_TIME_NONE;
  agg->row = g_array_new (FALSE, FALSE, sizeof (guint));
  agg->last_lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_line_free);
  agg->last_scrolled = g_array_new (FALSE, FALSE, sizeof (gboolean));
  agg->new_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
      NULL);
  return agg;
}

/**
 * gst_vocr_aggregator_free:
 * @agg: (transfer full) (nullable): a #GstVocrAggregator
 */
void
gst_vocr_aggregator_free (GstVocrAggregator * agg)
{
  if (agg == NULL)
    return;
  g_ptr_array_unref (agg->items);
  g_ptr_array_unref (agg->retired);
  g_ptr_array_unref (agg->events);
  g_array_unref (agg->row);
  g_ptr_array_unref (agg->last_lines);
  g_array_unref (agg->last_scrolled);
  g_hash_table_unref (agg->new_words);
  g_slice_free (GstVocrAggregator, agg);
}

/**
 * gst_vocr_aggregator_set_similarity:
 * @agg: a #GstVocrAggregator
 * @similarity: more than 0, at most 1
 *
 * Sets how similar a line's normalised text must be to an item's for the
 * line to be a reading of that item when their boxes overlap; default 0.8.
 * Texts whose similarity is at least 0.95 (or @similarity if higher) match
 * wherever their boxes are.
 */
void
gst_vocr_aggregator_set_similarity (GstVocrAggregator * agg, gdouble similarity)
{
  g_return_if_fail (agg != NULL);
  g_return_if_fail (similarity > 0.0 && similarity <= 1.0);
  agg->similarity = similarity;
}

/**
 * gst_vocr_aggregator_set_max_gap:
 * @agg: a #GstVocrAggregator
 * @max_gap: the longest a text may be missing without ending its instance,
 *   or GST_CLOCK_TIME_NONE for 1.5 sampling intervals (the default)
 */
void
gst_vocr_aggregator_set_max_gap (GstVocrAggregator * agg, GstClockTime max_gap)
{
  g_return_if_fail (agg != NULL);
  agg->max_gap = max_gap;
}

/**
 * gst_vocr_aggregator_set_min_duration:
 * @agg: a #GstVocrAggregator
 * @min_duration: how long an item must be seen to be output, counted
 *   from the first sample of each instance to the first sample that
 *   missed it, summed: GST_CLOCK_TIME_NONE for two sampling intervals, one
 *   for a line whose words scroll (the default), 0 to output everything
 */
void
gst_vocr_aggregator_set_min_duration (GstVocrAggregator * agg,
    GstClockTime min_duration)
{
  g_return_if_fail (agg != NULL);
  agg->min_duration = min_duration;
}

/**
 * gst_vocr_aggregator_set_min_confidence:
 * @agg: a #GstVocrAggregator
 * @min_confidence: the mean confidence an item needs to be output, 0 to 1;
 *   default 0
 */
void
gst_vocr_aggregator_set_min_confidence (GstVocrAggregator * agg,
    gdouble min_confidence)
{
  g_return_if_fail (agg != NULL);
  g_return_if_fail (min_confidence >= 0.0 && min_confidence <= 1.0);
  agg->min_confidence = min_confidence;
}

/* Freezes the items whose last instance ended more than retire-after
 * before @now: an output item's copy joins the retired ones, an item that
 * never qualified is dropped. Serials stay as they were: they only order
 * items created in the same sample. */
static void
retire (GstVocrAggregator * agg, GstClockTime now)
{
  guint i = 0;

  if (!GST_CLOCK_TIME_IS_VALID (agg->retire_after))
    return;
  while (i < agg->items->len) {
    Item *item = g_ptr_array_index (agg->items, i);
    const GstVocrInstance *last = &g_array_index (item->instances,
        GstVocrInstance, item->instances->len - 1);

    /* written so that a huge retire_after ("never") cannot overflow */
    if (item->open || now < last->end || now - last->end < agg->retire_after) {
      i++;
      continue;
    }
    if (item->id)
      g_ptr_array_add (agg->retired, item_snapshot (item,
              item->instances->len));
    g_ptr_array_remove_index (agg->items, i);
  }
}

/**
 * gst_vocr_aggregator_set_retire_after:
 * @agg: a #GstVocrAggregator
 * @retire_after: stream time, or GST_CLOCK_TIME_NONE to never retire
 *
 * Sets how long an item may go unseen before it is retired: it stays in
 * the output as it was, but is no longer matched, so the same text seen
 * again later starts a new item. This bounds the work and memory per
 * sample of streams that run for days; default 10 minutes.
 */
void
gst_vocr_aggregator_set_retire_after (GstVocrAggregator * agg,
    GstClockTime retire_after)
{
  g_return_if_fail (agg != NULL);
  agg->retire_after = retire_after;
}

/* A word of a line, normalised, and the middle of its box across. */
typedef struct
{
  gchar *text;
  gint x;
} Word;

static void
word_clear (Word * word)
{
  g_free (word->text);
}

/* The words of @line with a letter or digit: a symbol between words ("«",
 * "|") is as often a misread separator as text. */
static GArray *
line_words (const GstVocrLine * line)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  guint i;

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);
  for (i = 0; line->words && i < line->words->len; i++) {
    const GstVocrWord *w = g_ptr_array_index (line->words, i);
    glong len;
    gunichar *norm = normalise (w->text ? w->text : "", &len);
    glong j;

    for (j = 0; j < len && !g_unichar_isalnum (norm[j]); j++);
    if (j < len) {
      Word word = { g_ucs4_to_utf8 (norm, len, NULL, NULL, NULL),
        w->x + w->width / 2
      };

      if (word.text)
        g_array_append_val (words, word);
    }
    g_free (norm);
  }
  return words;
}

/* Whether @word was read in @words (text to middle across) elsewhere:
 * more than @distance away. */
static gboolean
read_elsewhere (GHashTable * words, const Word * word, gint distance)
{
  gpointer x;

  return g_hash_table_lookup_extended (words, word->text, NULL, &x)
      && ABS (GPOINTER_TO_INT (x) - word->x) > distance;
}

/* Notes, for @item which @line started, the words (@words, taken) that
 * the previous sample's new lines did not have elsewhere. */
static void
note_unconfirmed (GstVocrAggregator * agg, Item * item,
    const GstVocrLine * line, GArray * words)
{
  guint j;

  item->n_words = words->len;
  item->line_height = line->height;
  for (j = words->len; j > 0; j--) {
    if (read_elsewhere (agg->new_words, &g_array_index (words, Word, j - 1),
            line->height))
      g_array_remove_index (words, j - 1);
  }
  item->unconfirmed = words;
}

/* Settles whether the items started by the previous sample (the first
 * @n_old items) are corroborated: they have two words or more, and four
 * in five of them were read, moved by more than the line's height, in a
 * new line of that sample or of this one (@new_words: text to middle
 * across); one misread word of five still is. A ticker's words move from
 * sample to sample; a line typed or faded in word by word stays, and a
 * word half typed or faded in ("wittin" of "witting") is read nowhere
 * else. Then makes @new_words the latest sample's. */
static void
corroborate (GstVocrAggregator * agg, guint n_old, GHashTable * new_words)
{
  guint i, j;

  for (i = 0; i < n_old; i++) {
    Item *item = g_ptr_array_index (agg->items, i);
    guint missing = 0;

    if (item->unconfirmed == NULL)
      continue;
    for (j = 0; j < item->unconfirmed->len; j++)
      missing += !read_elsewhere (new_words, &g_array_index
          (item->unconfirmed, Word, j), item->line_height);
    item->corroborated = item->n_words >= 2 && 5 * missing <= item->n_words;
    g_clear_pointer (&item->unconfirmed, g_array_unref);
  }
  g_hash_table_unref (agg->new_words);
  agg->new_words = new_words;
}

/* Whether @a and @b are read along one row: both level, of about one
 * height (within half again), overlapping by half the lower one's height. */
static gboolean
same_row (const GstVocrLine * a, const GstVocrLine * b)
{
  gint overlap = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return fmod (a->angle, 180.0) == 0.0 && fmod (b->angle, 180.0) == 0.0
      && 2 * MAX (a->height, b->height) <= 3 * MIN (a->height, b->height)
      && 2 * overlap >= MIN (a->height, b->height);
}

/* Whether @line is a window on scrolling text (a ticker), and how far
 * across (@shift) its text moved since the sample before (@agg's last
 * lines): two or more of its words were read once in that sample's lines
 * of its row, four in five of them moved alike (within half a height) by
 * more than a height, and the line did not move with them: one of its
 * ends is more than a height from where the lines those words were read
 * in end, moved as well. Words entered or left it, so its text is new in
 * every sample while its words are not. A sign moving across the picture
 * moves with its words, and typed or faded-in text does not move. Once a
 * row scrolls, the line need not stay put: a ticker's stories, parted by
 * separators, are often read as lines of their own that move whole. */
static gboolean
scroll_shift (GstVocrAggregator * agg, const GstVocrLine * line, gint * shift)
{
  const GPtrArray *last_lines = agg->last_lines;
  GArray *words = line_words (line);
  GArray *shifts = g_array_new (FALSE, FALSE, sizeof (gdouble));
  GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify)
      g_array_unref);
  GPtrArray *row_lines = g_ptr_array_new ();
  gint x0 = G_MAXINT, x1 = G_MININT, h = MAX (line->height, 1);
  gdouble dx = 0.0;
  guint i, j, k, alike = 0;
  gboolean scrolls = FALSE, row_scrolled = FALSE;

  for (i = 0; i < last_lines->len; i++) {
    const GstVocrLine *last = g_ptr_array_index (last_lines, i);

    if (same_row (last, line)) {
      g_ptr_array_add (row, line_words (last));
      g_ptr_array_add (row_lines, (gpointer) last);
      row_scrolled |= g_array_index (agg->last_scrolled, gboolean, i);
    }
  }
  for (i = 0; i < words->len; i++) {
    const Word *word = &g_array_index (words, Word, i);
    const GstVocrLine *in = NULL;
    guint n_found = 0;

    for (j = 0; j < row->len; j++) {
      GArray *last_words = g_ptr_array_index (row, j);

      for (k = 0; k < last_words->len; k++) {
        const Word *last = &g_array_index (last_words, Word, k);

        if (strcmp (last->text, word->text) == 0) {
          dx = word->x - last->x;
          in = g_ptr_array_index (row_lines, j);
          n_found++;
        }
      }
    }
    /* a word read twice could have moved to either */
    if (n_found == 1) {
      g_array_append_val (shifts, dx);
      x0 = MIN (x0, in->x);
      x1 = MAX (x1, in->x + in->width);
    }
  }
  if (shifts->len >= 2) {
    g_array_sort (shifts, compare_double);
    dx = g_array_index (shifts, gdouble, shifts->len / 2);
    for (i = 0; i < shifts->len; i++)
      alike += 2 * fabs (g_array_index (shifts, gdouble, i) - dx) <= h;
    scrolls = alike >= 2 && 5 * alike >= 4 * shifts->len && fabs (dx) > h
        && (row_scrolled || fabs (line->x - (x0 + dx)) > h
        || fabs (line->x + line->width - (x1 + dx)) > h);
    if (scrolls)
      *shift = (gint) dx;
  }
  g_ptr_array_unref (row_lines);
  g_ptr_array_unref (row);
  g_array_unref (shifts);
  g_array_unref (words);
  return scrolls;
}

/* Splits the lines of a scrolling row of @lines (nullable) into their
 * words, each a line of its own, and gives each its row's shift in
 * @shifts. A ticker's lines are windows on a text that moves through
 * them: what stays the same from sample to sample, and comes and goes,
 * are its words. The words without a letter or digit (its separators) are
 * dropped. Then keeps @lines, and which scrolled, for the next sample.
 * Returns the new lines, or %NULL if none scrolls. */
static GPtrArray *
split_scrolling (GstVocrAggregator * agg, GPtrArray * lines, GArray ** shifts)
{
  GPtrArray *split = NULL;
  guint n = lines ? lines->len : 0, i, j;
  gint *shift_of = g_new0 (gint, n);
  gboolean *scrolls = g_new0 (gboolean, n);

  for (i = 0; i < n; i++) {
    const GstVocrLine *line = g_ptr_array_index (lines, i);

    if (line && line->text && line->words
        && scroll_shift (agg, line, &shift_of[i])) {
      scrolls[i] = TRUE;
      /* the other lines of its row are windows on the same text */
      for (j = 0; j < n; j++) {
        const GstVocrLine *other = g_ptr_array_index (lines, j);

        if (j != i && other && other->text && !scrolls[j]
            && same_row (line, other)) {
          scrolls[j] = TRUE;
          shift_of[j] = shift_of[i];
        }
      }
    }
  }

  g_ptr_array_set_size (agg->last_lines, 0);
  g_array_set_size (agg->last_scrolled, 0);
  for (i = 0; i < n; i++) {
    const GstVocrLine *line = g_ptr_array_index (lines, i);

    if (line == NULL || line->text == NULL)
      continue;
    g_ptr_array_add (agg->last_lines, gst_vocr_line_copy (line));
    g_array_append_val (agg->last_scrolled, scrolls[i]);
    if (scrolls[i] && split == NULL) {
      split = g_ptr_array_new_with_free_func ((GDestroyNotify)
          gst_vocr_line_free);
      *shifts = g_array_new (FALSE, FALSE, sizeof (gint));
      /* the lines before it, whole */
      for (j = 0; j < i; j++) {
        const GstVocrLine *before = g_ptr_array_index (lines, j);

        if (before && before->text) {
          g_ptr_array_add (split, gst_vocr_line_copy (before));
          g_array_append_val (*shifts, shift_of[j]);
        }
      }
    }
    if (split == NULL)
      continue;
    if (!scrolls[i]) {
      g_ptr_array_add (split, gst_vocr_line_copy (line));
      g_array_append_val (*shifts, shift_of[i]);
      continue;
    }
    for (j = 0; line->words && j < line->words->len; j++) {
      const GstVocrWord *w = g_ptr_array_index (line->words, j);
      GstVocrLine *one;
      const gchar *c;

      for (c = w->text; c && *c && !g_unichar_isalnum (g_utf8_get_char (c));
          c = g_utf8_next_char (c));
      if (c == NULL || *c == '\0')
        continue;
      one = gst_vocr_line_new (w->text, w->confidence, w->x, w->y,
          w->width, w->height, line->angle, line->language);
      gst_vocr_line_add_word (one, gst_vocr_word_copy (w));
      g_ptr_array_add (split, one);
      g_array_append_val (*shifts, shift_of[i]);
    }
  }
  g_free (scrolls);
  g_free (shift_of);
  return split;
}

/* @running_time moved back as @t is from @stream_time. */
static GstClockTime
running_at (GstClockTime running_time, GstClockTime stream_time,
    GstClockTime t)
{
  return running_time - MIN (running_time, stream_time - t);
}

typedef struct
{
  GstClockTime time;
  gint64 area;
} DatedArea;

static gint
compare_dated_areas (gconstpointer a, gconstpointer b)
{
  const DatedArea *da = a, *db = b;

  return (da->time > db->time) - (da->time < db->time);
}

/* When the text in the box @x, @y, @w, @h came or went, by the @changes
 * overlapping it after @since (if valid) and not after @stream_time: when
 * most of what changed in the box did (the median by area: a moving
 * background behind a part of it, or the next text coming into a part of
 * it, is not the text); @stream_time if nothing did, or if half the box or
 * more is moving text. */
static GstClockTime
change_time (const GArray * changes, GstClockTime since,
    GstClockTime stream_time, gint x, gint y, gint w, gint h)
{
  GArray *dated;
  GstClockTime t = stream_time;
  gint64 moving = 0, total = 0, half;
  guint i;

  if (changes == NULL || changes->len == 0)
    return stream_time;
  dated = g_array_new (FALSE, FALSE, sizeof (DatedArea));
  for (i = 0; i < changes->len; i++) {
    const GstVocrChange *c = &g_array_index (changes, GstVocrChange, i);
    gint64 ow = MIN (x + w, c->x + c->width) - MAX (x, c->x);
    gint64 oh = MIN (y + h, c->y + c->height) - MAX (y, c->y);
    DatedArea d = { c->timestamp, ow * oh };

    if (ow <= 0 || oh <= 0)
      continue;
    if (c->moving) {
      moving += d.area;
    } else if (c->timestamp <= stream_time
        && (!GST_CLOCK_TIME_IS_VALID (since) || c->timestamp > since)) {
      g_array_append_val (dated, d);
      total += d.area;
    }
  }
  /* moving text's reading is of the sample only */
  if (2 * moving < (gint64) w * h && total > 0) {
    g_array_sort (dated, compare_dated_areas);
    for (i = 0, half = 0; i < dated->len; i++) {
      const DatedArea *d = &g_array_index (dated, DatedArea, i);

      half += d->area;
      if (2 * half >= total) {
        t = d->time;
        break;
      }
    }
  }
  g_array_unref (dated);
  return t;
}

/**
 * gst_vocr_aggregator_push_sample:
 * @agg: a #GstVocrAggregator
 * @stream_time: the sampled frame's stream time; a sample without one is
 *   ignored
 * @running_time: its running time, or GST_CLOCK_TIME_NONE to use
 *   @stream_time
 * @lines: (element-type GstVocrLine) (transfer none) (nullable): the lines
 *   read in the frame; %NULL or empty if none
 *
 * Adds the OCR result of one sampled frame. Samples are expected in
 * increasing stream time; a sample earlier than the previous one is a
 * discontinuity: every open instance ends as if the stream had finished at
 * the previous sample, and the new sample starts afresh (an item's
 * instances then follow in the order they were seen, no longer in time
 * order).
 */
void
gst_vocr_aggregator_push_sample (GstVocrAggregator * agg,
    GstClockTime stream_time, GstClockTime running_time, GPtrArray * lines)
{
  gst_vocr_aggregator_push_sample_full (agg, stream_time, running_time, NULL,
      lines);
}

/**
 * gst_vocr_aggregator_push_sample_full:
 * @agg: a #GstVocrAggregator
 * @stream_time: the sampled frame's stream time; a sample without one is
 *   ignored
 * @running_time: its running time, or GST_CLOCK_TIME_NONE to use
 *   @stream_time
 * @changes: (element-type GstVocrChange) (nullable): where the text
 *   changed since the previous sample, with stream times (see
 *   #GstVocrTextMeta): a text this sample shows and the previous did not
 *   starts at the latest change overlapping its box, one it no longer
 *   shows ends at the latest overlapping where it was; texts no change
 *   overlaps (or only changes not after the previous sample, or after this
 *   one), and moving texts, start or end at @stream_time
 * @lines: (element-type GstVocrLine) (transfer none) (nullable): the lines
 *   read in the frame; %NULL or empty if none
 *
 * Adds the OCR result of one sampled frame, as
 * gst_vocr_aggregator_push_sample() does, with the time its changes
 * happened.
 */
void
gst_vocr_aggregator_push_sample_full (GstVocrAggregator * agg,
    GstClockTime stream_time, GstClockTime running_time,
    const GArray * changes, GPtrArray * lines)
{
  GArray *sample;
  gboolean *line_taken;
  gint *line_of_item;
  GstClockTime max_gap, since, t;
  guint i, j, n_items;
  GHashTable *new_words;
  GPtrArray *split;
  GArray *shifts = NULL;

  g_return_if_fail (agg != NULL);

  if (!GST_CLOCK_TIME_IS_VALID (stream_time))
    return;
  if (!GST_CLOCK_TIME_IS_VALID (running_time))
    running_time = stream_time;
  /* changes count from after the previous sample */
  since = agg->n_samples > 0 && stream_time >= agg->last_time ?
      agg->last_time : GST_CLOCK_TIME_NONE;

  if (agg->n_samples > 0) {
    if (stream_time < agg->last_time) {
      close_all (agg, agg->last_time, agg->last_running);
      g_hash_table_remove_all (agg->new_words);
      g_ptr_array_set_size (agg->last_lines, 0);
      g_array_set_size (agg->last_scrolled, 0);
    } else if (stream_time > agg->last_time)
      agg->interval = MIN (agg->interval, stream_time - agg->last_time);
  }
  agg->n_samples++;

  max_gap = agg->max_gap;
  if (!GST_CLOCK_TIME_IS_VALID (max_gap))
    max_gap = GST_CLOCK_TIME_IS_VALID (agg->interval) ?
        agg->interval * 3 / 2 : 0;
  for (i = 0; i < agg->items->len; i++) {
    Item *item = g_ptr_array_index (agg->items, i);

    /* the gap is counted in samples, as the interval is: a text missing
     * from one sample is bridged wherever in the interval it changed */
    if (item->open && GST_CLOCK_TIME_IS_VALID (item->miss) &&
        stream_time - item->miss_sample > max_gap)
      item_close (agg, item, item->miss, item->miss_running);
  }
  retire (agg, stream_time);
  n_items = agg->items->len;

  split = split_scrolling (agg, lines, &shifts);
  sample = g_array_new (FALSE, FALSE, sizeof (SampleLine));
  g_array_set_clear_func (sample, (GDestroyNotify) sample_line_clear);
  for (i = 0; lines && i < (split ? split : lines)->len; i++) {
    SampleLine sl;

    sl.line = g_ptr_array_index (split ? split : lines, i);
    sl.shift = split ? g_array_index (shifts, gint, i) : 0;
    if (sl.line == NULL || sl.line->text == NULL)
      continue;
    sl.norm = normalise (sl.line->text, &sl.norm_len);
    if (sl.norm_len == 0) {
      g_free (sl.norm);
      continue;
    }
    sl.digits = number_digits (sl.norm, sl.norm_len, &sl.n_digits);
    g_array_append_val (sample, sl);
  }

  line_of_item = g_new (gint, n_items);
  line_taken = g_new0 (gboolean, sample->len);
  match (agg, sample, line_of_item, line_taken);
  for (i = 0; i < n_items; i++) {
    Item *item = g_ptr_array_index (agg->items, i);

    if (line_of_item[i] >= 0) {
      const SampleLine *sl = &g_array_index (sample, SampleLine,
          line_of_item[i]);

      item_add_reading (item, sl);
      if (!item->open) {
        t = change_time (changes, since, stream_time, sl->line->x,
            sl->line->y, sl->line->width, sl->line->height);
        item_open (agg, item, stream_time, t,
            running_at (running_time, stream_time, t));
      } else {
        item->miss = item->miss_running = item->miss_sample =
            GST_CLOCK_TIME_NONE;
      }
    } else if (item->open && !GST_CLOCK_TIME_IS_VALID (item->miss)) {
      t = change_time (changes, since, stream_time, item->x, item->y,
          item->width, item->height);
      item->miss = t;
      item->miss_running = running_at (running_time, stream_time, t);
      item->miss_sample = stream_time;
    }
  }
  new_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (i = 0; i < sample->len; i++) {
    const SampleLine *sl = &g_array_index (sample, SampleLine, i);
    Item *item;
    GArray *words;

    if (line_taken[i])
      continue;
    item = item_new (agg->items->len);
    item_add_reading (item, sl);
    g_ptr_array_add (agg->items, item);
    t = change_time (changes, since, stream_time, sl->line->x,
        sl->line->y, sl->line->width, sl->line->height);
    item_open (agg, item, stream_time, t, running_at (running_time,
            stream_time, t));
    words = line_words (sl->line);
    for (j = 0; j < words->len; j++) {
      const Word *word = &g_array_index (words, Word, j);

      g_hash_table_replace (new_words, g_strdup (word->text),
          GINT_TO_POINTER (word->x));
    }
    note_unconfirmed (agg, item, sl->line, words);
  }
  corroborate (agg, n_items, new_words);

  agg->last_time = stream_time;
  agg->last_running = running_time;
  assign_ids (agg, FALSE);

  g_free (line_taken);
  g_free (line_of_item);
  g_array_unref (sample);
  if (split) {
    g_ptr_array_unref (split);
    g_array_unref (shifts);
  }
}

/**
 * gst_vocr_aggregator_finish:
 * @agg: a #GstVocrAggregator
 * @stream_time: the stream time the stream ended at, or GST_CLOCK_TIME_NONE
 *   for the last sample's
 * @running_time: its running time, or GST_CLOCK_TIME_NONE to use
 *   @stream_time
 *
 * Ends every open instance: at @stream_time if the last sample showed its
 * text, else at the first sample that missed it. An end before the last
 * sample is taken to be the last sample. Items that qualify only now get
 * their ids.
 */
void
gst_vocr_aggregator_finish (GstVocrAggregator * agg, GstClockTime stream_time,
    GstClockTime running_time)
{
  guint i;

  g_return_if_fail (agg != NULL);

  if (agg->n_samples == 0)
    return;
  if (!GST_CLOCK_TIME_IS_VALID (stream_time) || stream_time < agg->last_time) {
    stream_time = agg->last_time;
    running_time = agg->last_running;
  } else if (!GST_CLOCK_TIME_IS_VALID (running_time)) {
    running_time = stream_time;
  }
  for (i = 0; i < agg->items->len; i++) {
    Item *item = g_ptr_array_index (agg->items, i);

    item->at_end = item->open && !GST_CLOCK_TIME_IS_VALID (item->miss);
  }
  close_all (agg, stream_time, running_time);
  assign_ids (agg, TRUE);
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  const GstVocrItem *ia = *(const GstVocrItem **) a;
  const GstVocrItem *ib = *(const GstVocrItem **) b;

  return (ia->id > ib->id) - (ia->id < ib->id);
}

/**
 * gst_vocr_aggregator_get_items:
 * @agg: a #GstVocrAggregator
 *
 * Gets the items output so far, for writing an up-to-date file while the
 * stream is still running. An instance that is still open is reported as
 * ending at the first sample that missed its text, or, if the latest
 * sample still showed it, at the latest sample.
 *
 * Returns: (transfer full) (element-type GstVocrItem): copies of the items
 *   that qualified, ordered by id
 */
GPtrArray *
gst_vocr_aggregator_get_items (GstVocrAggregator * agg)
{
  GPtrArray *items;
  guint i;

  g_return_val_if_fail (agg != NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) gst_vocr_item_free);
  for (i = 0; i < agg->retired->len; i++)
    g_ptr_array_add (items, gst_vocr_item_copy (g_ptr_array_index
            (agg->retired, i)));
  for (i = 0; i < agg->items->len; i++) {
    const Item *item = g_ptr_array_index (agg->items, i);
    GstVocrItem *copy;

    if (item->id == 0)
      continue;
    copy = item_snapshot (item, item->instances->len);
    if (item->open) {
      GstVocrInstance *inst = &g_array_index (copy->instances,
          GstVocrInstance, copy->instances->len - 1);

      item_open_end (agg, item, &inst->end, &inst->adjusted_end);
    }
    g_ptr_array_add (items, copy);
  }
  g_ptr_array_sort (items, compare_ids);
  return items;
}

/**
 * gst_vocr_aggregator_pop_events:
 * @agg: a #GstVocrAggregator
 *
 * Takes the events since the last call: an INSTANCE_START when an output
 * item's instance opens, or when an item qualifies (one per instance so
 * far, with its original start), and an INSTANCE_END when an output item's
 * instance closes. Call it after every sample; events pile up until then.
 *
 * Returns: (transfer full) (element-type GstVocrAggregatorEvent): the
 *   events in the order they happened, possibly none
 */
GPtrArray *
gst_vocr_aggregator_pop_events (GstVocrAggregator * agg)
{
  GPtrArray *events;

  g_return_val_if_fail (agg != NULL, NULL);

  events = agg->events;
  agg->events = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_aggregator_event_free);
  return events;
}

/**
 * gst_vocr_aggregator_get_n_samples:
 * @agg: a #GstVocrAggregator
 *
 * Returns: the number of samples pushed, not counting those ignored for
 *   having no stream time
 */
guint
gst_vocr_aggregator_get_n_samples (GstVocrAggregator * agg)
{
  g_return_val_if_fail (agg != NULL, 0);
  return agg->n_samples;
}

/**
 * gst_vocr_aggregator_get_n_items:
 * @agg: a #GstVocrAggregator
 *
 * Returns: the number of items output so far (those with an id), without
 *   the cost of gst_vocr_aggregator_get_items()
 */
guint
gst_vocr_aggregator_get_n_items (GstVocrAggregator * agg)
{
  g_return_val_if_fail (agg != NULL, 0);
  return agg->n_ids;
}

/**
 * gst_vocr_aggregator_get_n_active:
 * @agg: a #GstVocrAggregator
 *
 * Returns: the number of items still matched against new samples (those
 *   not retired), which bounds the work and memory a sample costs
 */
guint
gst_vocr_aggregator_get_n_active (GstVocrAggregator * agg)
{
  g_return_val_if_fail (agg != NULL, 0);
  return agg->items->len;
}

/* The similarity of @a and @b, normalised; whether their numbers allow
 * them to be one text goes to @numbers_agree unless %NULL. */
static gdouble
compare_texts (const gchar * a, const gchar * b, gboolean * numbers_agree)
{
  GArray *row = g_array_new (FALSE, FALSE, sizeof (guint));
  glong la, lb;
  gunichar *na = normalise (a ? a : "", &la), *nb = normalise (b ? b : "",
      &lb);
  gdouble result = similarity (row, na, la, nb, lb);

  if (numbers_agree) {
    glong da, db;
    gunichar *digits_a = number_digits (na, la, &da);
    gunichar *digits_b = number_digits (nb, lb, &db);

    *numbers_agree = same_numbers (digits_a, da, digits_b, db);
    g_free (digits_a);
    g_free (digits_b);
  }
  g_free (na);
  g_free (nb);
  g_array_unref (row);
  return result;
}

/**
 * gst_vocr_text_similarity:
 * @a: a text, UTF-8
 * @b: another text, UTF-8
 *
 * How alike two readings are, the way the aggregator compares them: both
 * are normalised (Unicode NFKC, case folded, white space collapsed and
 * trimmed), then compared by edit distance.
 *
 * Returns: 1 - Levenshtein distance / length of the longer text, in
 *   characters: 1 for the same text, 0 for nothing in common
 */
gdouble
gst_vocr_text_similarity (const gchar * a, const gchar * b)
{
  return compare_texts (a, b, NULL);
}

/**
 * gst_vocr_text_is_same:
 * @a: a text, UTF-8
 * @b: another text, UTF-8
 * @min_similarity: the least gst_vocr_text_similarity() of one text's
 *   readings, e.g. 0.8
 *
 * Whether two readings are of one text, the way the aggregator matches
 * them: similar enough, and not both with numbers (words of digits without
 * letters) that differ — "Page 2" and "Page 3" are 0.83 similar but
 * different texts; "He1lo World" is a reading of "Hello World".
 *
 * Returns: %TRUE if @a and @b read the same text
 */
gboolean
gst_vocr_text_is_same (const gchar * a, const gchar * b,
    gdouble min_similarity)
{
  gboolean numbers_agree;

  return compare_texts (a, b, &numbers_agree) >= min_similarity
      && numbers_agree;
}
