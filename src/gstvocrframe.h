/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Private: reading the luma of a video frame, shared by the engine and the
 * change detector. Not installed.
 */
#pragma once

#include <gst/video/video.h>

G_BEGIN_DECLS

/* A gray copy of packed RGB frames, kept and grown by its owner. */
typedef struct
{
  guint8 *data;
  gsize size;
} GstVocrLumaBuffer;

G_GNUC_INTERNAL
const guint8 *gst_vocr_frame_luma (const GstVideoFrame * frame,
    GstVocrLumaBuffer * buffer, gint * stride);

G_GNUC_INTERNAL
const guint8 *gst_vocr_frame_luma_rect (const GstVideoFrame * frame, gint x,
    gint y, gint width, gint height, GstVocrLumaBuffer * buffer,
    gint * stride);

G_GNUC_INTERNAL
void gst_vocr_frame_clip (const GstVideoFrame * frame,
    const GstVideoRectangle * roi, gint * x0, gint * y0, gint * x1,
    gint * y1);

G_END_DECLS
