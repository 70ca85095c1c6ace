/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "gstvocrframe.h"

/* Returns the luma of the rectangle at (@x, @y), @width by @height, of
 * the frame (inside it), at its first pixel: the Y plane itself for GRAY8
 * and planar or semi-planar YUV, a gray conversion of the rectangle only in
 * @buffer for packed RGB. */
const guint8 *
gst_vocr_frame_luma_rect (const GstVideoFrame * frame, gint x, gint y,
    gint width, gint height, GstVocrLumaBuffer * buffer, gint * stride)
{
  const guint8 *r, *g, *b;
  gint rs, gs, bs, ps, i, j;

  if (!GST_VIDEO_FORMAT_INFO_IS_RGB (frame->info.finfo)) {
    *stride = GST_VIDEO_FRAME_COMP_STRIDE (frame, GST_VIDEO_COMP_Y);
    return (const guint8 *) GST_VIDEO_FRAME_COMP_DATA (frame,
        GST_VIDEO_COMP_Y) + (gsize) y * *stride + x;
  }

  if (buffer->size < (gsize) MAX (1, width * height)) {
    g_free (buffer->data);
    buffer->size = (gsize) MAX (1, width * height);
    buffer->data = g_malloc (buffer->size);
  }
  rs = GST_VIDEO_FRAME_COMP_STRIDE (frame, GST_VIDEO_COMP_R);
  gs = GST_VIDEO_FRAME_COMP_STRIDE (frame, GST_VIDEO_COMP_G);
  bs = GST_VIDEO_FRAME_COMP_STRIDE (frame, GST_VIDEO_COMP_B);
  ps = GST_VIDEO_FRAME_COMP_PSTRIDE (frame, GST_VIDEO_COMP_R);
  r = (const guint8 *) GST_VIDEO_FRAME_COMP_DATA (frame, GST_VIDEO_COMP_R)
      + (gsize) y * rs + (gsize) x * ps;
  g = (const guint8 *) GST_VIDEO_FRAME_COMP_DATA (frame, GST_VIDEO_COMP_G)
      + (gsize) y * gs + (gsize) x * ps;
  b = (const guint8 *) GST_VIDEO_FRAME_COMP_DATA (frame, GST_VIDEO_COMP_B)
      + (gsize) y * bs + (gsize) x * ps;
  for (j = 0; j < height; j++) {
    const guint8 *rr = r + (gsize) j * rs, *gg = g + (gsize) j * gs;
    const guint8 *bb = b + (gsize) j * bs;
    guint8 *out = buffer->data + (gsize) j * width;

    /* BT.601 luma in fixed point, the weights the Y plane of YUV has */
    for (i = 0; i < width; i++)
      out[i] = (77 * rr[i * ps] + 150 * gg[i * ps] + 29 * bb[i * ps]) >> 8;
  }
  *stride = width;
  return buffer->data;
}

/* Returns the frame's luma (gst_vocr_frame_luma_rect() of all of it). */
const guint8 *
gst_vocr_frame_luma (const GstVideoFrame * frame, GstVocrLumaBuffer * buffer,
    gint * stride)
{
  return gst_vocr_frame_luma_rect (frame, 0, 0, GST_VIDEO_FRAME_WIDTH (frame),
      GST_VIDEO_FRAME_HEIGHT (frame), buffer, stride);
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
