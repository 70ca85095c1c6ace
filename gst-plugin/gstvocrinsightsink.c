/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:element-vocrinsightsink
 * @title: vocrinsightsink
 *
 * Turns the per-frame text that `vocrtextdetect` attaches to buffers
 * (#GstVocrTextMeta) into insights: one item per distinct line of text with
 * its best reading, mean confidence, median box, angle, language and the
 * time instances it was on screen, as Azure AI Video Indexer's `ocr`
 * insight. Readings that differ only by OCR noise are merged, short gaps
 * don't split an instance, one-sample flicker is dropped, and a text that
 * comes back later is the same item with a new instance.
 *
 * The insights are written to #GstVocrInsightSink:location in the chosen
 * #GstVocrInsightSink:format: Video Indexer's JSON (default), WebVTT or SRT
 * subtitles, or JSON Lines written as instances open and close. Files are
 * replaced atomically, at EOS, every #GstVocrInsightSink:flush-interval
 * seconds, and when the element stops without EOS (an error elsewhere, an
 * application that stops the pipeline), so what was recognised is never
 * lost. Without a location the current JSON can be read from the
 * #GstVocrInsightSink:insights property.
 *
 * Instance times: `start`/`end` are stream time (the position in the
 * media), `adjustedStart`/`adjustedEnd` running time (the position on the
 * pipeline's timeline, which differs after seeks, segments and playlists).
 *
 * At EOS the element posts an element message `vocr-insights` with
 * `location` (#gchararray, may be %NULL), `items` (#guint), `instances`
 * (#guint) and `duration` (#guint64, stream time).
 *
 * The sink accepts any caps: it reads only meta, so it can end a branch of
 * a `tee` next to a display.
 *
 * ## Example launch line
 * |[
 * gst-launch-1.0 -e videotestsrc num-buffers=150 ! \
 *     textoverlay text="Hello GStreamer" font-desc="Sans 36" ! \
 *     vocrtextdetect ! vocrinsightsink location=insights.json
 * ]| Writes insights.json with one item, "Hello GStreamer", shown from
 * 0:00:00 to 0:00:05.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include "vocr.h"
#include "gstvocrinsightsink.h"

GST_DEBUG_CATEGORY_STATIC (gst_vocr_insight_sink_debug);
#define GST_CAT_DEFAULT gst_vocr_insight_sink_debug

#define AUTO G_MAXUINT64
#define DEFAULT_LOCATION NULL
#define DEFAULT_FORMAT GST_VOCR_INSIGHTS_FORMAT_JSON
#define DEFAULT_FLUSH_INTERVAL 0
#define DEFAULT_SIMILARITY 0.8
#define DEFAULT_MAX_GAP AUTO
#define DEFAULT_MIN_DURATION AUTO
#define DEFAULT_MIN_CONFIDENCE 0.0
#define DEFAULT_TITLE NULL
#define DEFAULT_RETIRE_AFTER (600 * GST_SECOND)

enum
{
  PROP_0,
  PROP_LOCATION,
  PROP_FORMAT,
  PROP_FLUSH_INTERVAL,
  PROP_SIMILARITY,
  PROP_MAX_GAP,
  PROP_MIN_DURATION,
  PROP_MIN_CONFIDENCE,
  PROP_TITLE,
  PROP_RETIRE_AFTER,
  PROP_INSIGHTS,
  PROP_ITEMS,
};

struct _GstVocrInsightSink
{
  GstBaseSink parent;

  /* properties, protected by the object lock */
  gchar *location;
  GstVocrInsightsFormat format;
  guint flush_interval;         /* seconds */
  gdouble similarity;
  GstClockTime max_gap;
  GstClockTime min_duration;
  gdouble min_confidence;       /* 0 to 100 */
  gchar *title;
  GstClockTime retire_after;
  gboolean started;

  /* the aggregation, read by the insights property from any thread:
   * protected by lock */
  GMutex lock;
  GstVocrAggregator *aggregator;
  gchar *tag_title;
  GstClockTime duration;        /* stream time of the end of the last buffer */
  GstClockTime last_running_time;
  /* the latest frame with a capture time: its running time and UNIX time */
  GstClockTime wallclock_running, wallclock;
  gboolean finished;

  /* streaming state, touched by the streaming thread and start/stop */
  gchar *path;                  /* location copied at start */
  GstVocrInsightsFormat out_format;
  FILE *jsonl;
  gint64 last_flush;            /* monotonic µs */
};

#define gst_vocr_insight_sink_parent_class parent_class
G_DEFINE_TYPE_WITH_CODE (GstVocrInsightSink, gst_vocr_insight_sink,
    GST_TYPE_BASE_SINK,
    GST_DEBUG_CATEGORY_INIT (gst_vocr_insight_sink_debug, "vocrinsightsink",
        0, "Video OCR insights"));
GST_ELEMENT_REGISTER_DEFINE (vocrinsightsink, "vocrinsightsink",
    GST_RANK_NONE, GST_TYPE_VOCR_INSIGHT_SINK);

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS_ANY);

static void gst_vocr_insight_sink_finalize (GObject * object);
static void gst_vocr_insight_sink_set_property (GObject * object,
    guint prop_id, const GValue * value, GParamSpec * pspec);
static void gst_vocr_insight_sink_get_property (GObject * object,
    guint prop_id, GValue * value, GParamSpec * pspec);
static gboolean gst_vocr_insight_sink_start (GstBaseSink * sink);
static gboolean gst_vocr_insight_sink_stop (GstBaseSink * sink);
static gboolean gst_vocr_insight_sink_event (GstBaseSink * sink,
    GstEvent * event);
static GstFlowReturn gst_vocr_insight_sink_render (GstBaseSink * sink,
    GstBuffer * buffer);

static void
gst_vocr_insight_sink_class_init (GstVocrInsightSinkClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseSinkClass *basesink_class = GST_BASE_SINK_CLASS (klass);

  gobject_class->finalize = gst_vocr_insight_sink_finalize;
  gobject_class->set_property = gst_vocr_insight_sink_set_property;
  gobject_class->get_property = gst_vocr_insight_sink_get_property;

  g_object_class_install_property (gobject_class, PROP_LOCATION,
      g_param_spec_string ("location", "Location",
          "File to write the insights to (NULL: none, read the insights "
          "property)", DEFAULT_LOCATION, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY));

  g_object_class_install_property (gobject_class, PROP_FORMAT,
      g_param_spec_enum ("format", "Format", "Format of the file",
          GST_VOCR_TYPE_INSIGHTS_FORMAT, DEFAULT_FORMAT, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY));

  /**
   * GstVocrInsightSink:flush-interval:
   *
   * Rewrite the file every this many seconds of wall-clock time while
   * streaming, so that long and live streams always have a current, valid
   * file; 0 writes only at the end. JSON Lines output is written as it
   * happens regardless.
   */
  g_object_class_install_property (gobject_class, PROP_FLUSH_INTERVAL,
      g_param_spec_uint ("flush-interval", "Flush interval",
          "Rewrite the file every N seconds while streaming (0 = only at the "
          "end)", 0, G_MAXUINT, DEFAULT_FLUSH_INTERVAL, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING));

  g_object_class_install_property (gobject_class, PROP_SIMILARITY,
      g_param_spec_double ("similarity", "Similarity",
          "Readings at least this similar (1 - normalised edit distance) and "
          "overlapping are the same text", 0.0, 1.0, DEFAULT_SIMILARITY,
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_READY));

  g_object_class_install_property (gobject_class, PROP_MAX_GAP,
      g_param_spec_uint64 ("max-gap", "Maximum gap",
          "A text missing for at most this long (ns) keeps its instance; "
          "18446744073709551615 = 1.5 sampling intervals", 0, G_MAXUINT64,
          DEFAULT_MAX_GAP, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_READY));

  g_object_class_install_property (gobject_class, PROP_MIN_DURATION,
      g_param_spec_uint64 ("min-duration", "Minimum duration",
          "Drop items shown for less than this long in total (ns); "
          "18446744073709551615 = two sampling intervals (one for a line "
          "whose words scroll)", 0, G_MAXUINT64,
          DEFAULT_MIN_DURATION, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_READY));

  g_object_class_install_property (gobject_class, PROP_MIN_CONFIDENCE,
      g_param_spec_double ("min-confidence", "Minimum confidence",
          "Drop items whose mean confidence is lower (0-100)", 0.0, 100.0,
          DEFAULT_MIN_CONFIDENCE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_READY));

  g_object_class_install_property (gobject_class, PROP_TITLE,
      g_param_spec_string ("title", "Title",
          "Video name written in the insights (NULL: the stream's title tag, "
          "else the file name of location)", DEFAULT_TITLE,
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrInsightSink:retire-after:
   *
   * An item not seen for this long (stream time) is retired: it stays in
   * the output as it was but is no longer matched, so the same text seen
   * later starts a new item. This keeps the work and memory per sample of
   * a stream that runs for days to the texts of its last minutes.
   * 18446744073709551615 never retires.
   */
  g_object_class_install_property (gobject_class, PROP_RETIRE_AFTER,
      g_param_spec_uint64 ("retire-after", "Retire after",
          "Stop matching items not seen for this long (ns); they stay in the "
          "output", 0, G_MAXUINT64, DEFAULT_RETIRE_AFTER, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY));

  g_object_class_install_property (gobject_class, PROP_INSIGHTS,
      g_param_spec_string ("insights", "Insights",
          "The insights so far, as Video Indexer JSON", NULL,
          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_property (gobject_class, PROP_ITEMS,
      g_param_spec_uint ("items", "Items",
          "The number of items found so far", 0, G_MAXUINT, 0,
          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_set_static_metadata (element_class,
      "Video text insights sink", "Sink/Analyzer/Video",
      "Aggregates the text read by vocrtextdetect into Video Indexer-style "
      "OCR insights (JSON, WebVTT, SRT, JSON Lines)",
      "gst-vocr developers <gst-vocr@lists.freedesktop.org>");

  basesink_class->start = GST_DEBUG_FUNCPTR (gst_vocr_insight_sink_start);
  basesink_class->stop = GST_DEBUG_FUNCPTR (gst_vocr_insight_sink_stop);
  basesink_class->event = GST_DEBUG_FUNCPTR (gst_vocr_insight_sink_event);
  basesink_class->render = GST_DEBUG_FUNCPTR (gst_vocr_insight_sink_render);

  gst_type_mark_as_plugin_api (GST_VOCR_TYPE_INSIGHTS_FORMAT, 0);
}

static void
gst_vocr_insight_sink_init (GstVocrInsightSink * self)
{
  self->format = DEFAULT_FORMAT;
  self->flush_interval = DEFAULT_FLUSH_INTERVAL;
  self->similarity = DEFAULT_SIMILARITY;
  self->max_gap = DEFAULT_MAX_GAP;
  self->min_duration = DEFAULT_MIN_DURATION;
  self->min_confidence = DEFAULT_MIN_CONFIDENCE;
  self->retire_after = DEFAULT_RETIRE_AFTER;
  g_mutex_init (&self->lock);
  self->duration = GST_CLOCK_TIME_NONE;
  self->last_running_time = GST_CLOCK_TIME_NONE;

  /* insights are about the media's timeline, not the clock: render as fast
   * as buffers come */
  gst_base_sink_set_sync (GST_BASE_SINK (self), FALSE);
}

static void
gst_vocr_insight_sink_finalize (GObject * object)
{
  GstVocrInsightSink *self = GST_VOCR_INSIGHT_SINK (object);

  g_free (self->location);
  g_free (self->title);
  g_free (self->tag_title);
  g_free (self->path);
  g_clear_pointer (&self->aggregator, gst_vocr_aggregator_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (parent_class)->finalize (object);
}

/* called with the object lock */
static gboolean
refuse_while_started (GstVocrInsightSink * self, const gchar * name)
{
  if (!self->started)
    return FALSE;
  g_warning ("%s: the '%s' property can only be changed in the NULL or "
      "READY state", GST_OBJECT_NAME (self), name);
  return TRUE;
}

static gchar *dup_insights_json (GstVocrInsightSink * self);

static void
gst_vocr_insight_sink_set_property (GObject * object, guint prop_id,
    const GValue * value, GParamSpec * pspec)
{
  GstVocrInsightSink *self = GST_VOCR_INSIGHT_SINK (object);

  GST_OBJECT_LOCK (self);
  if ((pspec->flags & GST_PARAM_MUTABLE_READY)
      && refuse_while_started (self, pspec->name)) {
    GST_OBJECT_UNLOCK (self);
    return;
  }
  switch (prop_id) {
    case PROP_LOCATION:
      g_free (self->location);
      self->location = g_value_dup_string (value);
      break;
    case PROP_FORMAT:
      self->format = g_value_get_enum (value);
      break;
    case PROP_FLUSH_INTERVAL:
      self->flush_interval = g_value_get_uint (value);
      break;
    case PROP_SIMILARITY:
      self->similarity = g_value_get_double (value);
      break;
    case PROP_MAX_GAP:
      self->max_gap = g_value_get_uint64 (value);
      break;
    case PROP_MIN_DURATION:
      self->min_duration = g_value_get_uint64 (value);
      break;
    case PROP_MIN_CONFIDENCE:
      self->min_confidence = g_value_get_double (value);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_RETIRE_AFTER:
      self->retire_after = g_value_get_uint64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_vocr_insight_sink_get_property (GObject * object, guint prop_id,
    GValue * value, GParamSpec * pspec)
{
  GstVocrInsightSink *self = GST_VOCR_INSIGHT_SINK (object);

  if (prop_id == PROP_INSIGHTS) {
    g_value_take_string (value, dup_insights_json (self));
    return;
  }
  if (prop_id == PROP_ITEMS) {
    g_mutex_lock (&self->lock);
    g_value_set_uint (value, self->aggregator ?
        gst_vocr_aggregator_get_n_items (self->aggregator) : 0);
    g_mutex_unlock (&self->lock);
    return;
  }

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_FLUSH_INTERVAL:
      g_value_set_uint (value, self->flush_interval);
      break;
    case PROP_SIMILARITY:
      g_value_set_double (value, self->similarity);
      break;
    case PROP_MAX_GAP:
      g_value_set_uint64 (value, self->max_gap);
      break;
    case PROP_MIN_DURATION:
      g_value_set_uint64 (value, self->min_duration);
      break;
    case PROP_MIN_CONFIDENCE:
      g_value_set_double (value, self->min_confidence);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_RETIRE_AFTER:
      g_value_set_uint64 (value, self->retire_after);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

/* ---- output ---- */

/* The language most items are in, as Video Indexer's sourceLanguage. */
static const gchar *
main_language (GPtrArray * items)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  const gchar *best = NULL;
  guint i, best_count = 0;

  for (i = 0; i < items->len; i++) {
    GstVocrItem *item = g_ptr_array_index (items, i);
    guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts,
            item->language)) + 1;

    g_hash_table_insert (counts, item->language, GUINT_TO_POINTER (n));
    if (n > best_count) {
      best = item->language;
      best_count = n;
    }
  }
  g_hash_table_unref (counts);
  return best;
}

/* Gives the items' instances wall-clock times when the source gave capture
 * times. Called with lock. */
static void
set_wallclock (GstVocrInsightSink * self, GPtrArray * items)
{
  guint i;

  for (i = 0; i < items->len; i++)
    gst_vocr_item_set_wallclock (g_ptr_array_index (items, i),
        self->wallclock_running, self->wallclock);
}

/* called with lock */
static gchar *
render_insights (GstVocrInsightSink * self, GstVocrInsightsFormat format)
{
  GPtrArray *items = gst_vocr_aggregator_get_items (self->aggregator);
  gchar *title, *out = NULL;

  set_wallclock (self, items);

  switch (format) {
    case GST_VOCR_INSIGHTS_FORMAT_WEBVTT:
      out = gst_vocr_insights_to_webvtt (items);
      break;
    case GST_VOCR_INSIGHTS_FORMAT_SRT:
      out = gst_vocr_insights_to_srt (items);
      break;
    default:
      GST_OBJECT_LOCK (self);
      if (self->title)
        title = g_strdup (self->title);
      else if (self->tag_title)
        title = g_strdup (self->tag_title);
      else if (self->location)
        title = g_path_get_basename (self->location);
      else
        title = g_strdup ("");
      GST_OBJECT_UNLOCK (self);
      out = gst_vocr_insights_to_json (items, title,
          GST_CLOCK_TIME_IS_VALID (self->duration) ? self->duration : 0,
          main_language (items));
      g_free (title);
      break;
  }
  g_ptr_array_unref (items);
  return out;
}

static gchar *
dup_insights_json (GstVocrInsightSink * self)
{
  gchar *json = NULL;

  g_mutex_lock (&self->lock);
  if (self->aggregator)
    json = render_insights (self, GST_VOCR_INSIGHTS_FORMAT_JSON);
  g_mutex_unlock (&self->lock);
  return json;
}

static void
post_write_error (GstVocrInsightSink * self, gint err)
{
  if (err == ENOSPC) {
    GST_ELEMENT_ERROR (self, RESOURCE, NO_SPACE_LEFT,
        ("No space left to write the insights to \"%s\"; the previous "
            "version of the file is unchanged", self->path),
        ("%s", g_strerror (err)));
  } else {
    GST_ELEMENT_ERROR (self, RESOURCE, WRITE,
        ("Could not write the insights to \"%s\": %s", self->path,
            g_strerror (err)), (NULL));
  }
}

/* Appends the instance starts and ends since the last call to the JSON
 * Lines file. Called with lock. */
static gboolean
append_events (GstVocrInsightSink * self)
{
  GPtrArray *events = gst_vocr_aggregator_pop_events (self->aggregator);
  gboolean ok = TRUE;
  guint i;

  for (i = 0; ok && i < events->len; i++) {
    GstVocrAggregatorEvent *event = g_ptr_array_index (events, i);
    gchar *line;

    gst_vocr_item_set_wallclock (event->item, self->wallclock_running,
        self->wallclock);
    line = gst_vocr_insights_event_to_jsonl (event);

    ok = fputs (line, self->jsonl) >= 0;
    g_free (line);
  }
  g_ptr_array_unref (events);
  /* a reader tailing the file sees whole lines */
  if (ok)
    ok = fflush (self->jsonl) == 0;
  if (!ok)
    post_write_error (self, errno);
  return ok;
}

/* Brings the output up to date: appends to a JSON Lines file, replaces
 * other files atomically (a reader never sees half a file, and a failed
 * write leaves the previous one). Called with lock. */
static gboolean
write_output (GstVocrInsightSink * self)
{
  GError *error = NULL;
  gchar *contents;
  gboolean ok;

  self->last_flush = g_get_monotonic_time ();
  if (self->path == NULL)
    return TRUE;
  if (self->jsonl)
    return append_events (self);

  contents = render_insights (self, self->out_format);
  ok = g_file_set_contents_full (self->path, contents, -1,
      G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error);
  g_free (contents);
  if (!ok) {
    post_write_error (self, g_error_matches (error, G_FILE_ERROR,
            G_FILE_ERROR_NOSPC) ? ENOSPC : EIO);
    GST_DEBUG_OBJECT (self, "write failed: %s", error->message);
    g_error_free (error);
  }
  return ok;
}

/* Closes the open instances at the end of what was seen and writes the
 * final output. Called with lock. */
static gboolean
finish (GstVocrInsightSink * self)
{
  if (self->finished)
    return TRUE;
  self->finished = TRUE;
  gst_vocr_aggregator_finish (self->aggregator, self->duration,
      self->last_running_time);
  return write_output (self);
}

static void
count (GPtrArray * items, guint * n_items, guint * n_instances)
{
  guint i;

  *n_items = items->len;
  *n_instances = 0;
  for (i = 0; i < items->len; i++)
    *n_instances += ((GstVocrItem *) g_ptr_array_index (items, i))->
        instances->len;
}

/* ---- GstBaseSink ---- */

/* Fails early, with the path, when the file could not be replaced later:
 * a temporary file beside it is what the atomic replacement creates.
 * (JSON Lines are appended to the file itself, which may be a pipe.) */
static gboolean
check_writable (GstVocrInsightSink * self)
{
  gchar *dir = g_path_get_dirname (self->path);
  gchar *probe = g_build_filename (dir, ".vocr-XXXXXX", NULL);
  gint fd = g_mkstemp (probe), err = errno;

  if (fd >= 0) {
    g_close (fd, NULL);
    g_unlink (probe);
  } else {
    GST_ELEMENT_ERROR (self, RESOURCE, OPEN_WRITE,
        ("Cannot write the insights file \"%s\": directory \"%s\": %s",
            self->path, dir, g_strerror (err)), (NULL));
  }
  g_free (probe);
  g_free (dir);
  return fd >= 0;
}

static gboolean
gst_vocr_insight_sink_start (GstBaseSink * sink)
{
  GstVocrInsightSink *self = GST_VOCR_INSIGHT_SINK (sink);
  GstVocrAggregator *aggregator = gst_vocr_aggregator_new ();

  GST_OBJECT_LOCK (self);
  g_free (self->path);
  self->path = (self->location && *self->location) ?
      g_strdup (self->location) : NULL;
  self->out_format = self->format;
  gst_vocr_aggregator_set_similarity (aggregator, self->similarity);
  gst_vocr_aggregator_set_max_gap (aggregator,
      self->max_gap == AUTO ? GST_CLOCK_TIME_NONE : self->max_gap);
  gst_vocr_aggregator_set_min_duration (aggregator,
      self->min_duration == AUTO ? GST_CLOCK_TIME_NONE : self->min_duration);
  gst_vocr_aggregator_set_min_confidence (aggregator,
      self->min_confidence / 100.0);
  gst_vocr_aggregator_set_retire_after (aggregator, self->retire_after);
  self->started = TRUE;
  GST_OBJECT_UNLOCK (self);

  if (self->path && self->out_format != GST_VOCR_INSIGHTS_FORMAT_JSONL
      && !check_writable (self))
    goto fail;
  if (self->path && self->out_format == GST_VOCR_INSIGHTS_FORMAT_JSONL) {
    self->jsonl = g_fopen (self->path, "w");
    if (self->jsonl == NULL) {
      GST_ELEMENT_ERROR (self, RESOURCE, OPEN_WRITE,
          ("Cannot write the insights file \"%s\": %s", self->path,
              g_strerror (errno)), (NULL));
      goto fail;
    }
  }

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->aggregator, gst_vocr_aggregator_free);
  self->aggregator = aggregator;
  g_clear_pointer (&self->tag_title, g_free);
  self->duration = GST_CLOCK_TIME_NONE;
  self->last_running_time = GST_CLOCK_TIME_NONE;
  self->wallclock_running = self->wallclock = GST_CLOCK_TIME_NONE;
  self->finished = FALSE;
  self->last_flush = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);
  return TRUE;

fail:
  gst_vocr_aggregator_free (aggregator);
  GST_OBJECT_LOCK (self);
  self->started = FALSE;
  GST_OBJECT_UNLOCK (self);
  return FALSE;
}

static gboolean
gst_vocr_insight_sink_stop (GstBaseSink * sink)
{
  GstVocrInsightSink *self = GST_VOCR_INSIGHT_SINK (sink);

  /* stopped without EOS (an error upstream, an application shutting the
   * pipeline down): keep what was recognised, if anything was seen at all
   * (an input that failed to start leaves no file behind) */
  g_mutex_lock (&self->lock);
  if (self->aggregator && GST_CLOCK_TIME_IS_VALID (self->duration))
    finish (self);
  g_mutex_unlock (&self->lock);

  if (self->jsonl && fclose (self->jsonl) != 0)
    GST_ELEMENT_WARNING (self, RESOURCE, CLOSE,
        ("Could not close \"%s\": %s", self->path, g_strerror (errno)),
        (NULL));
  self->jsonl = NULL;

  GST_OBJECT_LOCK (self);
  self->started = FALSE;
  GST_OBJECT_UNLOCK (self);
  return TRUE;
}

static gboolean
gst_vocr_insight_sink_event (GstBaseSink * sink, GstEvent * event)
{
  GstVocrInsightSink *self = GST_VOCR_INSIGHT_SINK (sink);

  switch (GST_EVENT_TYPE (event)) {
    case GST_EVENT_TAG:{
      GstTagList *tags;
      gchar *title = NULL;

      gst_event_parse_tag (event, &tags);
      if (gst_tag_list_get_string (tags, GST_TAG_TITLE, &title)) {
        g_mutex_lock (&self->lock);
        g_free (self->tag_title);
        self->tag_title = title;
        g_mutex_unlock (&self->lock);
      }
      break;
    }
    case GST_EVENT_EOS:{
      GPtrArray *items;
      guint n_items, n_instances;
      GstClockTime duration;
      GstStructure *s;

      g_mutex_lock (&self->lock);
      finish (self);
      items = gst_vocr_aggregator_get_items (self->aggregator);
      duration = self->duration;
      g_mutex_unlock (&self->lock);

      count (items, &n_items, &n_instances);
      g_ptr_array_unref (items);
      s = gst_structure_new ("vocr-insights",
          "location", G_TYPE_STRING, self->path,
          "items", G_TYPE_UINT, n_items,
          "instances", G_TYPE_UINT, n_instances,
          "duration", G_TYPE_UINT64, duration, NULL);
      gst_element_post_message (GST_ELEMENT (self),
          gst_message_new_element (GST_OBJECT (self), s));
      break;
    }
    default:
      break;
  }
  return GST_BASE_SINK_CLASS (parent_class)->event (sink, event);
}

/* @changes (of a #GstVocrTextMeta) with stream times, as the aggregator
 * counts them. */
static GArray *
stream_time_changes (const GstSegment * segment, const GArray * changes)
{
  GArray *out;
  guint i;

  if (changes == NULL)
    return NULL;
  out = g_array_sized_new (FALSE, FALSE, sizeof (GstVocrChange),
      changes->len);
  for (i = 0; i < changes->len; i++) {
    GstVocrChange c = g_array_index (changes, GstVocrChange, i);

    c.timestamp = gst_segment_to_stream_time (segment, GST_FORMAT_TIME,
        c.timestamp);
    if (GST_CLOCK_TIME_IS_VALID (c.timestamp))
      g_array_append_val (out, c);
  }
  return out;
}

static GstFlowReturn
gst_vocr_insight_sink_render (GstBaseSink * sink, GstBuffer * buffer)
{
  GstVocrInsightSink *self = GST_VOCR_INSIGHT_SINK (sink);
  GstVocrTextMeta *meta = gst_buffer_get_vocr_text_meta (buffer);
  const GstSegment *segment = &sink->segment;
  GstClockTime pts = GST_BUFFER_PTS (buffer), end, st, rt;
  GArray *changes;
  guint flush_interval;
  gboolean ok = TRUE;

  GST_OBJECT_LOCK (self);
  flush_interval = self->flush_interval;
  GST_OBJECT_UNLOCK (self);

  g_mutex_lock (&self->lock);
  if (GST_CLOCK_TIME_IS_VALID (pts)) {
    end = pts + (GST_BUFFER_DURATION_IS_VALID (buffer) ?
        GST_BUFFER_DURATION (buffer) : 0);
    st = gst_segment_to_stream_time (segment, GST_FORMAT_TIME, end);
    rt = gst_segment_to_running_time (segment, GST_FORMAT_TIME, end);
    if (GST_CLOCK_TIME_IS_VALID (st) && (!GST_CLOCK_TIME_IS_VALID
            (self->duration) || st > self->duration))
      self->duration = st;
    if (GST_CLOCK_TIME_IS_VALID (rt))
      self->last_running_time = rt;
  }

  if (meta) {
    /* the meta knows which frame it was read from */
    st = gst_segment_to_stream_time (segment, GST_FORMAT_TIME,
        meta->timestamp);
    rt = gst_segment_to_running_time (segment, GST_FORMAT_TIME,
        meta->timestamp);
    if (GST_CLOCK_TIME_IS_VALID (meta->wallclock)
        && GST_CLOCK_TIME_IS_VALID (rt)) {
      self->wallclock_running = rt;
      self->wallclock = meta->wallclock;
    }
    changes = stream_time_changes (segment, meta->changes);
    gst_vocr_aggregator_push_sample_full (self->aggregator, st, rt, changes,
        meta->lines);
    g_clear_pointer (&changes, g_array_unref);
    if (self->jsonl)
      ok = append_events (self);
  }

  if (ok && flush_interval > 0 && !self->jsonl &&
      g_get_monotonic_time () - self->last_flush >=
      (gint64) flush_interval * G_USEC_PER_SEC)
    ok = write_output (self);
  g_mutex_unlock (&self->lock);

  return ok ? GST_FLOW_OK : GST_FLOW_ERROR;
}
