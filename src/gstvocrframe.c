/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "gstvocrframe.h"

/* Returns the frame's luma: the Y plane itself for GRAY8 and planar or
 * semi-planar YUV, a gray conversion in @buffer for packed RGB. */
const guint8 *
gst_vocr_frame_luma (const GstVideoFrame * frame, GstVocrLumaBuffer * buffer,
    gint * stride)
{
  gint width = GST_VIDEO_FRAME_WIDTH (frame);
  gint height = GST_VIDEO_FRAME_HEIGHT (frame);
  const guint8 *r, *g, *b;
  gint rs, gs, bs, ps, x, y;

  if (!GST_VIDEO_FORMAT_INFO_IS_RGB (frame->info.finfo)) {
    *stride = GST_VIDEO_FRAME_COMP_STRIDE (frame, GST_VIDEO_COMP_Y);
    return GST_VIDEO_FRAME_COMP_DATA (frame, GST_VIDEO_COMP_Y);
  }

  if (buffer->size < (gsize) width * height) {
    g_free (buffer->data);
    buffer->size = (gsize) width *height;
    buffer->data = g_malloc (buffer->size);
  }
  r = GST_VIDEO_FRAME_COMP_DATA (frame, GST_VIDEO_COMP_R);
  g = GST_VIDEO_FRAME_COMP_DATA (frame, GST_VIDEO_COMP_G);
  b = GST_VIDEO_FRAME_COMP_DATA (frame, GST_VIDEO_COMP_B);
  rs = GST_VIDEO_FRAME_COMP_STRIDE (frame, GST_VIDEO_COMP_R);
  gs = GST_VIDEO_FRAME_COMP_STRIDE (frame, GST_VIDEO_COMP_G);
  bs = GST_VIDEO_FRAME_COMP_STRIDE (frame, GST_VIDEO_COMP_B);
  ps = GST_VIDEO_FRAME_COMP_PSTRIDE (frame, GST_VIDEO_COMP_R);
  for (y = 0; y < height; y++) {
    const guint8 *rr = r + (gsize) y * rs, *gg = g + (gsize) y * gs;
    const guint8 *bb = b + (gsize) y * bs;
    guint8 *out = buffer->data + (gsize) y * width;

    /* BT.601 luma in fixed point, the weights the Y plane of YUV has */
    for (x = 0; x < width; x++)
      out[x] = (77 * rr[x * ps] + 150 * gg[x * ps] + 29 * bb[x * ps]) >> 8;
  }
  *stride = width;
  return buffer->data;
}

/* The part of the frame to read: @roi clipped to the frame, or all of it. */
void
gst_vocr_frame_clip (const GstVideoFrame * frame,
    const GstVideoRectangle * roi, gint * x0, gint * y0, gint * x1, gint * y1)
{
  gint width = GST_VIDEO_FRAME_WIDTH (frame);
  gint height = GST_VIDEO_FRAME_HEIGHT (frame);

  *x0 = *y0 = 0;
  *x1 = width;
  *y1 = height;
  if (roi) {
    *x0 = CLAMP (roi->x, 0, width);
    *y0 = CLAMP (roi->y, 0, height);
    *x1 = CLAMP ((gint64) roi->x + roi->w, *x0, width);
    *y1 = CLAMP ((gint64) roi->y + roi->h, *y0, height);
  }
}
