/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gst/video/video.h>
#include "gstvocr-prelude.h"

G_BEGIN_DECLS

/**
 * GstVocrChangeDetector: (skip)
 *
 * Decides cheaply whether the text in a frame may differ from the text in
 * the last frame that was read, so that frames whose text did not change
 * need not be read again. Not thread-safe: one per stream.
 */
typedef struct _GstVocrChangeDetector GstVocrChangeDetector;

GST_VOCR_API GstVocrChangeDetector *gst_vocr_change_detector_new (void);

GST_VOCR_API void gst_vocr_change_detector_free (GstVocrChangeDetector * det);

GST_VOCR_API void gst_vocr_change_detector_reset (GstVocrChangeDetector * det);

GST_VOCR_API
gboolean gst_vocr_change_detector_update (GstVocrChangeDetector * det,
    const GstVideoFrame * frame, const GstVideoRectangle * roi,
    gdouble threshold);

GST_VOCR_API
void gst_vocr_change_detector_set_reference (GstVocrChangeDetector * det);

GST_VOCR_API
gboolean gst_vocr_change_detector_changed_within (GstVocrChangeDetector * det,
    const GstVideoRectangle * rect);
GST_VOCR_API
guint gst_vocr_change_detector_get_text_cells (GstVocrChangeDetector * det);

GST_VOCR_API
GArray *gst_vocr_change_detector_get_regions (GstVocrChangeDetector * det);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GstVocrChangeDetector,
    gst_vocr_change_detector_free)

G_END_DECLS
