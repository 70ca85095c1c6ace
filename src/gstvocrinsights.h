/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gstvocr-prelude.h"
#include "gstvocraggregator.h"

G_BEGIN_DECLS

/**
 * GstVocrInsightsFormat:
 * @GST_VOCR_INSIGHTS_FORMAT_JSON: Video Indexer's index JSON
 * @GST_VOCR_INSIGHTS_FORMAT_WEBVTT: WebVTT subtitles, a cue per instance
 * @GST_VOCR_INSIGHTS_FORMAT_SRT: SubRip subtitles
 * @GST_VOCR_INSIGHTS_FORMAT_JSONL: JSON Lines, an object per instance start
 *   and end
 */
typedef enum
{
  GST_VOCR_INSIGHTS_FORMAT_JSON,
  GST_VOCR_INSIGHTS_FORMAT_WEBVTT,
  GST_VOCR_INSIGHTS_FORMAT_SRT,
  GST_VOCR_INSIGHTS_FORMAT_JSONL,
} GstVocrInsightsFormat;

#define GST_VOCR_TYPE_INSIGHTS_FORMAT (gst_vocr_insights_format_get_type ())
GST_VOCR_API GType gst_vocr_insights_format_get_type (void);

GST_VOCR_API gchar *gst_vocr_format_time (GstClockTime time);

GST_VOCR_API
gboolean gst_vocr_parse_time (const gchar * str, GstClockTime * time);

GST_VOCR_API
gchar *gst_vocr_insights_to_json (GPtrArray * items, const gchar * name,
    GstClockTime duration, const gchar * source_language);

GST_VOCR_API gchar *gst_vocr_insights_to_webvtt (GPtrArray * items);

GST_VOCR_API gchar *gst_vocr_insights_to_srt (GPtrArray * items);

GST_VOCR_API
gchar *gst_vocr_insights_event_to_jsonl (const GstVocrAggregatorEvent * event);

G_END_DECLS
