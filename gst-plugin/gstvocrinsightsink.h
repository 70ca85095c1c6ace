/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gst/base/gstbasesink.h>

G_BEGIN_DECLS

#define GST_TYPE_VOCR_INSIGHT_SINK (gst_vocr_insight_sink_get_type ())
G_DECLARE_FINAL_TYPE (GstVocrInsightSink, gst_vocr_insight_sink,
    GST, VOCR_INSIGHT_SINK, GstBaseSink)

GST_ELEMENT_REGISTER_DECLARE (vocrinsightsink);

G_END_DECLS
