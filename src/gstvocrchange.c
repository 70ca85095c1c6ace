/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:gstvocrchange
 * @title: GstVocrChangeDetector
 * @short_description: has the text in the frame changed?
 *
 * Reading a frame costs Tesseract a tenth of a second or more; comparing it
 * with the last frame read costs a few milliseconds. The detector compares
 * where text can be, not whole pictures, so that a moving background
 * behind unchanged text does not count as a change:
 *
 * - The frame's luma (of the region of interest) is halved in each
 *   direction and reduced to an edge map: pixels whose step to the left or
 *   upper neighbour is at least 48 levels, graded by how steep the step is
 *   (48, 80, 128, 192). Text is made of such steps, on every glyph's
 *   outline; soft backgrounds (clouds, bokeh, gradients, compression noise)
 *   have few of them. The grades make text that fades in or out a change
 *   until it settles, so a half-faded reading is not kept for the rest.
 * - The map is cut into cells of 8x8 half-scale pixels (16x16 frame
 *   pixels). A cell looks like text when a quarter of its pixels are edges.
 * - A cell has changed when it looks like text in either frame and more
 *   than the threshold's share of its edges differ (in presence or grade)
 *   between the two frames.
 *   A frame has changed when at least two cells have: a single cell is as
 *   likely a moving object's corner as a letter.
 *
 * Text that appears, disappears, changes in place or moves is a change;
 * frames whose only motion is in the background are not. Sharp moving
 * objects (a bouncing logo, scrolling stripes) do count: the caller rereads
 * them, which costs time but never text.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>
#include "gstvocrchange.h"
#include "gstvocrframe.h"

/* the steepness grades of an edge; below the first, no edge */
static const gint edge_grades[] = { 32, 64, 112, 176 };
#define CELL 8
#define TEXT_CELL_EDGES (CELL * CELL / 4)
#define MIN_CHANGED_CELLS 2

struct _GstVocrChangeDetector
{
  GstVocrLumaBuffer luma;
  guint8 *half;                 /* half-scale luma of the region */
  guint8 *edges[2];             /* edge grade maps: [current] and the other */
  guint current;
  gboolean has_reference;
  /* the region, in frame pixels, the maps were made of */
  gint x0, y0, x1, y1;
  gint width, height;           /* half-scale */
  guint text_cells;
};

/**
 * gst_vocr_change_detector_new:
 *
 * Returns: (transfer full): a detector without a reference frame
 */
GstVocrChangeDetector *
gst_vocr_change_detector_new (void)
{
  return g_new0 (GstVocrChangeDetector, 1);
}

/**
 * gst_vocr_change_detector_free:
 * @det: (transfer full) (nullable): a #GstVocrChangeDetector
 */
void
gst_vocr_change_detector_free (GstVocrChangeDetector * det)
{
  if (det == NULL)
    return;
  g_free (det->luma.data);
  g_free (det->half);
  g_free (det->edges[0]);
  g_free (det->edges[1]);
  g_free (det);
}

/**
 * gst_vocr_change_detector_reset:
 * @det: a #GstVocrChangeDetector
 *
 * Forgets the reference frame, e.g. after a seek: the next frame is a
 * change.
 */
void
gst_vocr_change_detector_reset (GstVocrChangeDetector * det)
{
  g_return_if_fail (det != NULL);
  det->has_reference = FALSE;
}

/* Makes the maps fit the region, dropping the reference if it changed. */
static void
fit (GstVocrChangeDetector * det, gint x0, gint y0, gint x1, gint y1)
{
  gsize n;

  if (det->half && x0 == det->x0 && y0 == det->y0 && x1 == det->x1
      && y1 == det->y1)
    return;
  det->x0 = x0;
  det->y0 = y0;
  det->x1 = x1;
  det->y1 = y1;
  det->width = (x1 - x0) / 2;
  det->height = (y1 - y0) / 2;
  n = MAX ((gsize) det->width * det->height, 1);
  g_free (det->half);
  g_free (det->edges[0]);
  g_free (det->edges[1]);
  det->half = g_malloc (n);
  det->edges[0] = g_malloc0 (n);
  det->edges[1] = g_malloc0 (n);
  det->has_reference = FALSE;
}

static void
make_edges (GstVocrChangeDetector * det, const guint8 * luma, gint stride)
{
  gint w = det->width, h = det->height, x, y;
  guint8 *half = det->half, *edges = det->edges[det->current];

  for (y = 0; y < h; y++) {
    const guint8 *r0 = luma + (gsize) (det->y0 + 2 * y) * stride + det->x0;
    const guint8 *r1 = r0 + stride;
    guint8 *out = half + (gsize) y * w;

    for (x = 0; x < w; x++)
      out[x] = (r0[2 * x] + r0[2 * x + 1] + r1[2 * x] + r1[2 * x + 1] + 2) >> 2;
  }

  for (y = 0; y < h; y++) {
    const guint8 *row = half + (gsize) y * w;
    const guint8 *up = y > 0 ? row - w : row;
    guint8 *out = edges + (gsize) y * w;

    for (x = 0; x < w; x++) {
      gint step = MAX (x > 0 ? ABS (row[x] - row[x - 1]) : 0,
          ABS (row[x] - up[x]));
      guint8 grade = 0;

      while (grade < G_N_ELEMENTS (edge_grades) && step >= edge_grades[grade])
        grade++;
      out[x] = grade;
    }
  }
}

/* Counts the changed cells between the current map and the reference, and
 * the cells of the current map that look like text. */
static guint
compare (GstVocrChangeDetector * det, gdouble threshold)
{
  const guint8 *cur = det->edges[det->current];
  const guint8 *ref = det->edges[!det->current];
  gint w = det->width, cx, cy, x, y;
  guint changed = 0;

  det->text_cells = 0;
  for (cy = 0; cy + CELL <= det->height; cy += CELL) {
    for (cx = 0; cx + CELL <= w; cx += CELL) {
      guint n_cur = 0, n_ref = 0, n_diff = 0;

      for (y = cy; y < cy + CELL; y++) {
        const guint8 *c = cur + (gsize) y * w + cx;
        const guint8 *r = ref + (gsize) y * w + cx;

        for (x = 0; x < CELL; x++) {
          n_cur += c[x] != 0;
          n_ref += r[x] != 0;
          n_diff += c[x] != r[x];
        }
      }
      if (n_cur >= TEXT_CELL_EDGES)
        det->text_cells++;
      if ((n_cur >= TEXT_CELL_EDGES || n_ref >= TEXT_CELL_EDGES)
          && n_diff > threshold * MAX (n_cur, n_ref))
        changed++;
    }
  }
  return changed;
}

/**
 * gst_vocr_change_detector_update:
 * @det: a #GstVocrChangeDetector
 * @frame: a frame mapped for reading
 * @roi: (nullable): the region that is read, or %NULL for the whole frame
 * @threshold: the share (0 to 1) of a text cell's edges that must differ
 *   for the cell to have changed
 *
 * Compares @frame with the reference frame. Whether or not it changed,
 * @frame becomes the reference only through
 * gst_vocr_change_detector_set_reference(), which the caller calls when it
 * reads the frame.
 *
 * Returns: %TRUE if the text may have changed (or there is no reference,
 *   or the region changed), so the frame should be read
 */
gboolean
gst_vocr_change_detector_update (GstVocrChangeDetector * det,
    const GstVideoFrame * frame, const GstVideoRectangle * roi,
    gdouble threshold)
{
  gint x0, y0, x1, y1, stride;
  const guint8 *luma;
  guint changed;

  g_return_val_if_fail (det != NULL, TRUE);
  g_return_val_if_fail (frame != NULL, TRUE);

  gst_vocr_frame_clip (frame, roi, &x0, &y0, &x1, &y1);
  fit (det, x0, y0, x1, y1);
  if (det->width < CELL || det->height < CELL) {
    /* too small to judge; reading it is as cheap */
    det->text_cells = 0;
    return TRUE;
  }

  luma = gst_vocr_frame_luma (frame, &det->luma, &stride);
  make_edges (det, luma, stride);
  changed = compare (det, threshold);
  return !det->has_reference || changed >= MIN_CHANGED_CELLS;
}

/**
 * gst_vocr_change_detector_set_reference:
 * @det: a #GstVocrChangeDetector
 *
 * Makes the frame of the last gst_vocr_change_detector_update() the
 * reference that later frames are compared with: call it when that frame
 * is read.
 */
void
gst_vocr_change_detector_set_reference (GstVocrChangeDetector * det)
{
  g_return_if_fail (det != NULL);
  if (det->half == NULL || det->width < CELL || det->height < CELL)
    return;
  det->current = !det->current;
  det->has_reference = TRUE;
}

/**
 * gst_vocr_change_detector_get_text_cells:
 * @det: a #GstVocrChangeDetector
 *
 * Returns: how many cells of the last updated frame look like text
 *   (16x16-pixel cells with dense sharp edges); 0 when it has none
 */
guint
gst_vocr_change_detector_get_text_cells (GstVocrChangeDetector * det)
{
  g_return_val_if_fail (det != NULL, 0);
  return det->text_cells;
}
