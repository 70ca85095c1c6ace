/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Private: turning a region of a video frame into the image Tesseract reads
 * best. Not installed.
 */
#pragma once

#include <glib.h>
#include <leptonica/allheaders.h>

G_BEGIN_DECLS

typedef struct
{
  /* what Tesseract is given: the gray region, or its ink binarised (1 bit
   * per pixel, ink set) */
  PIX *pix;
  /* pixels of @pix per pixel of the region */
  gdouble scale;
  /* degrees @pix was turned clockwise to level its text (0: not turned),
   * about its centre, and its size before: the region's size × @scale */
  gdouble deskew;
  gint width, height;
  /* the region as it was, gray and unscaled, when @pix is its ink, for a
   * second opinion; %NULL when @pix is the region itself */
  PIX *region;
  /* boxes, in the region's pixels, of the shapes at its sides that could
   * be glyphs cut by the frame's edge; %NULL if none */
  BOXA *cut;
} GstVocrPrepared;

G_GNUC_INTERNAL
void gst_vocr_prepare_region (const guint8 * luma, gint stride, gint width,
    gint height, gboolean cut_left, gboolean cut_right,
    GstVocrPrepared * prepared);

G_GNUC_INTERNAL
BOXA *gst_vocr_find_text_lines (const guint8 * luma, gint stride, gint width,
    gint height);

G_GNUC_INTERNAL
BOXA *gst_vocr_find_large_text_lines (const guint8 * luma, gint stride,
    gint width, gint height);

G_GNUC_INTERNAL
void gst_vocr_prepared_clear (GstVocrPrepared * prepared);

G_END_DECLS
