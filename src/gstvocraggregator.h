/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gstvocr-prelude.h"
#include "gstvocrchange.h"
#include "gstvocrline.h"

G_BEGIN_DECLS

/**
 * GstVocrInstance: (skip)
 * @start: stream time the text appeared (position in the media)
 * @end: stream time it was gone
 * @adjusted_start: running time it appeared (position on the pipeline's
 *   timeline)
 * @adjusted_end: running time it was gone
 * @wallclock_start: UNIX time (ns) it appeared, GST_CLOCK_TIME_NONE when
 *   unknown; filled in by gst_vocr_item_set_wallclock()
 * @wallclock_end: UNIX time (ns) it was gone
 *
 * One stretch of time a text was on screen. Intervals are half-open:
 * [@start, @end).
 */
typedef struct _GstVocrInstance
{
  GstClockTime start, end;
  GstClockTime adjusted_start, adjusted_end;
  GstClockTime wallclock_start, wallclock_end;
} GstVocrInstance;

/**
 * GstVocrItem: (skip)
 * @id: 1, 2, ... in order of first appearance
 * @text: the best reading across the item's samples
 * @confidence: mean confidence of its readings, 0 to 1
 * @x: left edge of the median box, in source pixels
 * @y: top edge of the median box
 * @width: median box width
 * @height: median box height
 * @angle: median reading direction, degrees (Video Indexer convention)
 * @language: BCP-47 tag most of its readings were in
 * @instances: (element-type GstVocrInstance): when it was on screen, in
 *   time order
 *
 * One distinct text with its time instances: an item of Video Indexer's
 * `ocr` insight.
 */
typedef struct _GstVocrItem
{
  guint id;
  gchar *text;
  gdouble confidence;
  gint x, y, width, height;
  gdouble angle;
  gchar *language;
  GArray *instances;
} GstVocrItem;

/**
 * GstVocrAggregatorEventType: (skip)
 * @GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START: an item (re)appeared
 * @GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END: an item's instance ended
 */
typedef enum
{
  GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START,
  GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END,
} GstVocrAggregatorEventType;

/**
 * GstVocrAggregatorEvent: (skip)
 * @type: what happened
 * @item: a snapshot of the item at that moment (for INSTANCE_START its
 *   last instance has @end and @adjusted_end set to GST_CLOCK_TIME_NONE)
 *
 * Incremental output for live consumers (JSON Lines).
 */
typedef struct _GstVocrAggregatorEvent
{
  GstVocrAggregatorEventType type;
  GstVocrItem *item;
} GstVocrAggregatorEvent;

/**
 * GstVocrAggregator: (skip)
 *
 * Merges per-frame readings into items with time instances, as
 * `vocrinsightsink` does.
 *
 * The aggregation API is C only: the aggregator is neither reference
 * counted nor copyable, so it has no boxed type. Bindings use
 * `vocrinsightsink` and its `insights` property.
 */
typedef struct _GstVocrAggregator GstVocrAggregator;

GST_VOCR_API GstVocrItem *gst_vocr_item_copy (const GstVocrItem * item);
GST_VOCR_API void gst_vocr_item_free (GstVocrItem * item);

GST_VOCR_API
void gst_vocr_item_set_wallclock (GstVocrItem * item,
    GstClockTime running_time, GstClockTime wallclock);
GST_VOCR_API void gst_vocr_aggregator_event_free (GstVocrAggregatorEvent * event);

GST_VOCR_API GstVocrAggregator *gst_vocr_aggregator_new (void);
GST_VOCR_API void gst_vocr_aggregator_free (GstVocrAggregator * agg);

GST_VOCR_API
void gst_vocr_aggregator_set_similarity (GstVocrAggregator * agg,
    gdouble similarity);
GST_VOCR_API
void gst_vocr_aggregator_set_max_gap (GstVocrAggregator * agg,
    GstClockTime max_gap);
GST_VOCR_API
void gst_vocr_aggregator_set_min_duration (GstVocrAggregator * agg,
    GstClockTime min_duration);
GST_VOCR_API
void gst_vocr_aggregator_set_min_confidence (GstVocrAggregator * agg,
    gdouble min_confidence);

GST_VOCR_API
void gst_vocr_aggregator_set_retire_after (GstVocrAggregator * agg,
    GstClockTime retire_after);

GST_VOCR_API
void gst_vocr_aggregator_push_sample (GstVocrAggregator * agg,
    GstClockTime stream_time, GstClockTime running_time,
    GPtrArray * lines);

GST_VOCR_API
void gst_vocr_aggregator_push_sample_full (GstVocrAggregator * agg,
    GstClockTime stream_time, GstClockTime running_time,
    const GArray * changes, GPtrArray * lines);

GST_VOCR_API
void gst_vocr_aggregator_finish (GstVocrAggregator * agg,
    GstClockTime stream_time, GstClockTime running_time);

GST_VOCR_API
GPtrArray *gst_vocr_aggregator_get_items (GstVocrAggregator * agg);

GST_VOCR_API
GPtrArray *gst_vocr_aggregator_pop_events (GstVocrAggregator * agg);

GST_VOCR_API guint gst_vocr_aggregator_get_n_samples (GstVocrAggregator * agg);

GST_VOCR_API guint gst_vocr_aggregator_get_n_items (GstVocrAggregator * agg);

GST_VOCR_API guint gst_vocr_aggregator_get_n_active (GstVocrAggregator * agg);

GST_VOCR_API gdouble gst_vocr_text_similarity (const gchar * a, const gchar * b);

GST_VOCR_API
gboolean gst_vocr_text_is_same (const gchar * a, const gchar * b,
    gdouble min_similarity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GstVocrAggregator, gst_vocr_aggregator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GstVocrItem, gst_vocr_item_free)

G_END_DECLS
