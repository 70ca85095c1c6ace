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
 * - The frame's luma (of the region of interest) is scaled down to about
 *   640 pixels across (not at all up to 960, by 2 for 720p, by 3 for 1080p:
 *   the same amount of detail whatever the resolution) and reduced to an
 *   edge map: pixels whose
 *   step to the left or upper neighbour is at least 32 levels, graded by how
 *   steep the step is (32, 64, 112, 176). Text is made of such steps, on every glyph's
 *   outline; soft backgrounds (clouds, bokeh, gradients, compression noise)
 *   have few of them. The grades make text that fades in or out a change
 *   until it settles, so a half-faded reading is not kept for the rest.
 * - The map is cut into cells of 8x8 pixels (16x16 frame pixels at 720p).
 *   Text-like cells up to four cells apart across and one down are grouped
 *   into the regions worth reading, lengthened over the cells beyond their
 *   ends that have edges without looking like text (an "i" or a "T" ending
 *   a word, alone in its cell).
 *   A cell looks like text when a quarter of its pixels are edges, spread
 *   over at least three of its rows and three of its columns: the straight
 *   border of a panel or a bar is not text, however sharp, and its
 *   contrast with a moving background behind it changes all the time.
 * - A cell has changed when it looks like text in either frame and more
 *   than the threshold's share of its edges differ (in presence or grade)
 *   between the two frames.
 *   A frame has changed when at least two cells have: a single cell is as
 *   likely a moving object's corner as a letter.
 * - The changed cells are kept, so that the caller can tell which places
 *   of a changed frame did not change
 *   (gst_vocr_change_detector_changed_within()) and keep their reading.
 *   Such a place is compared again, cell by cell, at full size (the luma
 *   of the region, full size, is kept for it): a few small glyphs
 *   replaced (a status bar's "Ln 200" becoming "Ln 270") change too few
 *   edges of the down-scaled map. A frame whose cells did not change is
 *   compared so too, place by place: a clock's seconds on a still slide.
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
/* the grade of the steps between text and its outline or panel */
#define STRONG 3
#define CELL 8                  /* a cell's row is one 64-bit word */
G_STATIC_ASSERT (G_N_ELEMENTS (edge_grades) < 128);
/* the width, in pixels, frames are scaled down to for the comparison */
#define ANALYSIS_WIDTH 640
#define TEXT_CELL_EDGES (CELL * CELL / 4)
#define MIN_CHANGED_CELLS 2
/* At full size (changed_at_full_size()), at least this share of a place's
 * text-like cells must have changed too: the edges of text over a moving
 * background change in a few cells of many (2 to 5 of 55 to 400 in the
 * benchmark's clips), a number replaced in a status bar in a good part of
 * its line's (4 to 7 of 15 to 38). */
#define FULL_SIZE_CHANGED_SHARE 0.1
/* Text-like cells this close (in cells) belong to one region: the gaps
 * between words are wider than between letters, lines are close below
 * each other. */
#define JOIN_X 4
#define JOIN_Y 1
/* What a cell of the current frame holds (GstVocrChangeDetector's cells).
 * An edgy cell is not text-like but has at least EDGY_CELL_EDGES edges (an
 * eighth of its pixels): a thin letter at a word's end, an "i" or the stem
 * of a "T", is not text-like in a cell of its own, and a region would cut
 * it off. A region grows along its length over up to MAX_EDGY_CELLS such
 * cells at either end. */
enum
{
  CELL_BLANK,
  CELL_EDGY,
  CELL_TEXT,
};
#define EDGY_CELL_EDGES CELL
#define MAX_EDGY_CELLS 2
/* see GstVocrChangeDetector's span and kept */
#define MOTION_SPAN (160 * GST_MSECOND)
#define KEPT_MAX 16
#define KEEP_SPACING (60 * GST_MSECOND)

struct _GstVocrChangeDetector
{
  GstVocrLumaBuffer luma;
  guint8 *half;                 /* scaled-down luma of the region */
  guint8 *edges[2];             /* edge grade maps: [current] and the other */
  guint current;
  gboolean has_reference;
  /* the region, in frame pixels, the maps were made of */
  gint x0, y0, x1, y1;
  gint scale;                   /* frame pixels per map pixel, each way */
  gint width, height;           /* of the maps */
  guint text_cells;
  guint8 *cells;                /* the current frame's cells: CELL_TEXT, ... */
  guint8 *changed;              /* its cells that changed since the reference */
  /* The luma of the region, full size, of the last frame updated
   * ([current]) and of the reference, the reference's edge map, full size
   * (made when first needed), and the edge map of a rectangle of the last
   * frame: a region whose cells did not change may still have had a few
   * glyphs replaced (changed_at_full_size()). */
  guint8 *full[2];
  guint8 *full_ref_edges;
  gboolean has_full_ref_edges;
  guint8 *fine;
  gsize fine_size;
  gint cells_w, cells_h;
  /* Dating the changes. The frames between the reference and the next
   * frame read are kept, scaled down (gst_vocr_change_detector_keep()):
   * at most KEPT_MAX of them, KEEP_SPACING or more apart, twice as far each
   * time the store fills (every other one goes). When the next frame read
   * has changed, gst_vocr_change_detector_get_changes() replays them to
   * date each cell by the last of them in which it changed while it
   * differed from the reference. A kept frame costs its scaling down; edge
   * maps and comparisons are made only when the text changed. */
  guint8 *kept[KEPT_MAX];
  GstClockTime kept_times[KEPT_MAX];
  guint n_kept;
  GstClockTime keep_spacing;
  /* the replay's maps: the edges of the frame replayed and of the one
   * before, and its cells that differ from the reference and that changed
   * since the one before */
  guint8 *replayed, *previous, *differing, *moved;
  /* Moving text (a ticker, credits, a filmed sign) has no time it came: a
   * reading is of its frame only. A place moves when, over each of the
   * last two spans of MOTION_SPAN or more, edges both appeared and went in
   * it: the edge map of the frame replayed that long before (span, at
   * span_time), its cells that moved over the span before (span_moved),
   * and the cells that moved over both (moving). A text that came or went
   * changed over one span only; one fading in or out, or being typed,
   * gains or loses edges, not both. */
  guint8 *span;
  GstClockTime span_time;
  gboolean has_span;
  guint8 *span_moved, *moving;
  gdouble threshold;            /* of the last update */
  /* per cell differing from the reference, the time it last changed; NONE
   * for the others */
  GstClockTime *dates;
  guint16 *column_sums;         /* one map row's frame rows, summed per column */
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

static void
free_dating (GstVocrChangeDetector * det)
{
  guint i;

  for (i = 0; i < KEPT_MAX; i++)
    g_clear_pointer (&det->kept[i], g_free);
  det->n_kept = 0;
  g_clear_pointer (&det->replayed, g_free);
  g_clear_pointer (&det->previous, g_free);
  g_clear_pointer (&det->differing, g_free);
  g_clear_pointer (&det->moved, g_free);
  g_clear_pointer (&det->span, g_free);
  g_clear_pointer (&det->span_moved, g_free);
  g_clear_pointer (&det->moving, g_free);
  g_clear_pointer (&det->dates, g_free);
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
  g_free (det->cells);
  g_free (det->changed);
  g_free (det->full[0]);
  g_free (det->full[1]);
  g_free (det->full_ref_edges);
  g_free (det->fine);
  free_dating (det);
  g_free (det->column_sums);
  g_free (det);
}

/* Forgets the frames kept since the reference. */
static void
drop_kept (GstVocrChangeDetector * det)
{
  det->n_kept = 0;
  det->keep_spacing = KEEP_SPACING;
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
  drop_kept (det);
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
  det->scale = MAX (1, ((x1 - x0) + ANALYSIS_WIDTH / 2) / ANALYSIS_WIDTH);
  det->width = (x1 - x0) / det->scale;
  det->height = (y1 - y0) / det->scale;
  n = MAX ((gsize) det->width * det->height, 1);
  g_free (det->half);
  g_free (det->edges[0]);
  g_free (det->edges[1]);
  det->half = g_malloc (n);
  g_free (det->column_sums);
  det->column_sums = g_new (guint16, MAX (det->width * det->scale, 1));
  det->edges[0] = g_malloc0 (n);
  det->edges[1] = g_malloc0 (n);
  g_free (det->full[0]);
  g_free (det->full[1]);
  g_free (det->full_ref_edges);
  det->full[0] = g_malloc (MAX ((gsize) (x1 - x0) * (y1 - y0), 1));
  det->full[1] = g_malloc (MAX ((gsize) (x1 - x0) * (y1 - y0), 1));
  det->full_ref_edges = g_malloc (MAX ((gsize) (x1 - x0) * (y1 - y0), 1));
  det->has_full_ref_edges = FALSE;
  det->cells_w = det->width / CELL;
  det->cells_h = det->height / CELL;
  g_free (det->cells);
  g_free (det->changed);
  det->cells = g_malloc0 (MAX ((gsize) det->cells_w * det->cells_h, 1));
  det->changed = g_malloc0 (MAX ((gsize) det->cells_w * det->cells_h, 1));
  free_dating (det);
  det->replayed = g_malloc (n);
  det->previous = g_malloc (n);
  det->span = g_malloc (n);
  det->differing = g_malloc0 (MAX ((gsize) det->cells_w * det->cells_h, 1));
  det->moved = g_malloc0 (MAX ((gsize) det->cells_w * det->cells_h, 1));
  det->span_moved = g_malloc0 (MAX ((gsize) det->cells_w * det->cells_h,
          1));
  det->moving = g_malloc0 (MAX ((gsize) det->cells_w * det->cells_h, 1));
  det->dates = g_new (GstClockTime, MAX ((gsize) det->cells_w * det->cells_h,
          1));
  drop_kept (det);
  det->has_reference = FALSE;
}

/* The grade of a step: how many of the grades it reaches (they rise). */
static inline guint8
grade_of (guint step)
{
  guint8 grade = 0;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (edge_grades); i++)
    grade += step >= (guint) edge_grades[i];
  return grade;
}

static inline guint8
abs_diff (guint8 a, guint8 b)
{
  return a > b ? a - b : b - a;
}

/* The loops are written so that the compiler vectorises them (no table
 * lookups, no aliasing): this runs on the streaming thread for every
 * sample, and the scaling for every frame kept. */
static void
scale_down (GstVocrChangeDetector * det, const guint8 * luma, gint stride,
    guint8 * half)
{
  gint w = det->width, h = det->height, f = det->scale, x, y, i, j;
  gint n = w * f, area = f * f;
  guint16 *restrict sums = det->column_sums;
  /* sum / area, rounded, as a multiplication by 2^32 / area rounded up:
   * exact while 255.5 * area^2 < 2^32, frames up to 40000 pixels wide */
  guint64 reciprocal = (G_GUINT64_CONSTANT (1) << 32) / area + 1;

  /* box-filtered: each map pixel is the mean of f x f frame pixels, the f
   * rows summed per column first */
  for (y = 0; y < h; y++) {
    const guint8 *restrict rows =
        luma + (gsize) (det->y0 + f * y) * stride + det->x0;
    guint8 *restrict out = half + (gsize) y * w;

    for (i = 0; i < n; i++)
      sums[i] = rows[i];
    for (j = 1; j < f; j++) {
      const guint8 *restrict row = rows + (gsize) j * stride;

      for (i = 0; i < n; i++)
        sums[i] += row[i];
    }
    if (f == 2) {
      /* 720p, the common case, written out: the loop over f does not
       * vectorise (0.91 vs 0.58 ms a 720p update) */
      for (x = 0; x < w; x++)
        out[x] = (sums[2 * x] + sums[2 * x + 1] + 2) >> 2;
    } else if (f == 3) {
      /* 1080p, written out too (0.81 vs 0.22 ms a scaling): the sum of 9
       * pixels rounded, divided by 9 as a multiplication by 2^16 / 9
       * rounded up, exact for sums up to 9 * 255 */
      for (x = 0; x < w; x++)
        out[x] = ((guint32) (sums[3 * x] + sums[3 * x + 1] + sums[3 * x + 2]
                + 4) * 7282) >> 16;
    } else {
      for (x = 0; x < w; x++) {
        guint32 sum = area / 2;

        for (i = 0; i < f; i++)
          sum += sums[f * x + i];
        out[x] = (sum * reciprocal) >> 32;
      }
    }
  }
}

/* The edge grades of the @w x @h luma at @luma (@stride bytes a row) into
 * @edges (@w a row). */
static void
find_edges (const guint8 * luma, gint stride, gint w, gint h, guint8 * edges)
{
  gint x, y;

  for (y = 0; y < h; y++) {
    const guint8 *restrict row = luma + (gsize) y * stride;
    const guint8 *restrict up = y > 0 ? row - stride : row;
    guint8 *restrict out = edges + (gsize) y * w;

    out[0] = grade_of (abs_diff (row[0], up[0]));
    for (x = 1; x < w; x++)
      out[x] = grade_of (MAX (abs_diff (row[x], row[x - 1]),
              abs_diff (row[x], up[x])));
  }
}

/* The edges of one cell of a map. */
typedef struct
{
  guint count;
  guint8 rows, cols;            /* bit sets of the rows, columns with edges */
} CellEdges;

/* How many bits @set has (without a popcount instruction, which the
 * baseline x86-64 lacks and the compiler would call a function for). */
static guint
bits (guint8 set)
{
  guint n = set - ((set >> 1) & 0x55);

  n = (n & 0x33) + ((n >> 2) & 0x33);
  return (n + (n >> 4)) & 0x0f;
}

/* The pixels of a cell's row (eight grades, one per byte) whose grade is at
 * least @grade, as a bit set: grades are at most 4, so adding 128 - @grade
 * to every byte at once sets a byte's top bit exactly when it reaches
 * @grade, without carrying into the next; the multiplication gathers the
 * eight top bits into one byte. */
static guint8
row_mask (guint64 row, guint grade)
{
  guint64 top = ((row + G_GUINT64_CONSTANT (0x0101010101010101) *
          (128 - grade)) & G_GUINT64_CONSTANT (0x8080808080808080)) >> 7;

  return (top * G_GUINT64_CONSTANT (0x0102040810204080)) >> 56;
}

static gboolean
looks_like_text (const CellEdges * e)
{
  return e->count >= TEXT_CELL_EDGES && bits (e->rows) >= 3
      && bits (e->cols) >= 3;
}

/* The edges of one cell in the current map and in a reference map. */
typedef struct
{
  CellEdges cur, ref;
  guint cur_strong, ref_strong;
  /* edges (strong edges) of the current map the reference lacks, and the
   * other way round */
  guint appeared, went, strong_appeared, strong_went;
} CellPair;

/* The cell at (@cx, @cy) of the edge maps @cur and @ref (@cur_w and
 * @ref_w a row). */
static void
measure_cell (const guint8 * cur, gint cur_w, const guint8 * ref,
    gint ref_w, gint cx, gint cy, CellPair * p)
{
  gint y;

  memset (p, 0, sizeof (CellPair));
  for (y = 0; y < CELL; y++) {
    guint64 c_row, r_row;
    guint8 c_any, r_any, c_steep, r_steep;

    memcpy (&c_row, cur + (gsize) (cy + y) * cur_w + cx, CELL);
    memcpy (&r_row, ref + (gsize) (cy + y) * ref_w + cx, CELL);
    c_any = row_mask (c_row, 1);
    r_any = row_mask (r_row, 1);
    c_steep = row_mask (c_row, STRONG);
    r_steep = row_mask (r_row, STRONG);
    p->cur.count += bits (c_any);
    p->cur.rows |= (c_any != 0) << y;
    p->cur.cols |= c_any;
    p->ref.count += bits (r_any);
    p->ref.rows |= (r_any != 0) << y;
    p->ref.cols |= r_any;
    p->cur_strong += bits (c_steep);
    p->ref_strong += bits (r_steep);
    p->appeared += bits (c_any & ~r_any);
    p->went += bits (r_any & ~c_any);
    p->strong_appeared += bits (c_steep & ~r_steep);
    p->strong_went += bits (r_steep & ~c_steep);
  }
}

/* High-contrast text is judged by its strong edges alone: the weak ones
 * around it (a shadow, a translucent box, the outline's rim) come and go
 * with the background behind. Faint text has only weak edges to judge by.
 * Gives the edges judged in either map (the larger count), and those that
 * appeared and went. */
static guint
judged_edges (const CellPair * p, guint * appeared, guint * went)
{
  if (MAX (p->cur_strong, p->ref_strong) >= TEXT_CELL_EDGES / 2) {
    *appeared = p->strong_appeared;
    *went = p->strong_went;
    return MAX (p->cur_strong, p->ref_strong);
  }
  *appeared = p->appeared;
  *went = p->went;
  return MAX (p->cur.count, p->ref.count);
}

/* Counts the changed cells between the edge maps @cur and @ref, marking
 * them in @changed_cells; compares only the cells set in @only if not
 * %NULL. With @mark_text, also marks the cells of @cur that look like
 * text. */
static guint
compare (GstVocrChangeDetector * det, const guint8 * cur, const guint8 * ref,
    guint8 * changed_cells, const guint8 * only, gboolean mark_text,
    gdouble threshold)
{
  gint w = det->width, cx, cy;
  guint changed = 0;

  if (mark_text)
    det->text_cells = 0;
  for (cy = 0; cy + CELL <= det->height; cy += CELL) {
    for (cx = 0; cx + CELL <= w; cx += CELL) {
      gsize cell = (gsize) (cy / CELL) * det->cells_w + cx / CELL;
      gboolean c_text, r_text;
      guint appeared, went, edges;
      CellPair p;

      if (only && !only[cell])
        continue;
      measure_cell (cur, w, ref, w, cx, cy, &p);
      c_text = looks_like_text (&p.cur);
      r_text = looks_like_text (&p.ref);
      if (mark_text) {
        det->cells[cell] = c_text ? CELL_TEXT : p.cur.count >= EDGY_CELL_EDGES
            ? CELL_EDGY : CELL_BLANK;
        det->text_cells += c_text;
      }
      if (!c_text && !r_text)
        continue;
      edges = judged_edges (&p, &appeared, &went);
      changed_cells[cell] = appeared + went > threshold * edges;
      changed += changed_cells[cell];
    }
  }
  return changed;
}

/* Marks in @moved the cells of @only where, between @ref and @cur, edges
 * both appeared and went (each more than half the @threshold
 * share of the cell's edges, judged as compare() does). */
static void
find_motion (GstVocrChangeDetector * det, const guint8 * cur,
    const guint8 * ref, guint8 * moved, const guint8 * only,
    gdouble threshold)
{
  gint w = det->width, cx, cy;

  for (cy = 0; cy + CELL <= det->height; cy += CELL) {
    for (cx = 0; cx + CELL <= w; cx += CELL) {
      gsize cell = (gsize) (cy / CELL) * det->cells_w + cx / CELL;
      guint appeared, went;
      gdouble enough;
      CellPair p;

      if (!only[cell])
        continue;
      measure_cell (cur, w, ref, w, cx, cy, &p);
      enough = threshold / 2 * judged_edges (&p, &appeared, &went);
      moved[cell] = appeared > enough && went > enough;
    }
  }
}

/* Whether cells of @rect changed between the reference and the last frame
 * updated, compared at full size: MIN_CHANGED_CELLS of them, and
 * FULL_SIZE_CHANGED_SHARE of its text-like ones. A frame is worth reading
 * when whole words changed, and the analysis scale judges that; but within
 * a frame read, a few glyphs replaced in a line (a status bar's "Ln 137"
 * becoming "Ln 270", a clock's seconds) make its earlier reading wrong,
 * and at the analysis scale small digits share most of their edges (an
 * eighth to two fifths of them differed: under the threshold, and as much
 * as text over a moving background differs). At full size they share
 * few. */
static gboolean
changed_at_full_size (GstVocrChangeDetector * det,
    const GstVideoRectangle * rect)
{
  gint x0 = CLAMP (rect->x, det->x0, det->x1);
  gint y0 = CLAMP (rect->y, det->y0, det->y1);
  gint w = CLAMP (rect->x + rect->w, det->x0, det->x1) - x0;
  gint h = CLAMP (rect->y + rect->h, det->y0, det->y1) - y0;
  gint full_w = det->x1 - det->x0, cx, cy;
  guint changed = 0, text_like = 0;
  gsize offset = (gsize) (y0 - det->y0) * full_w + (x0 - det->x0);

  if (w < CELL || h < CELL)
    return FALSE;
  /* the reference's, once per reference: a still picture's samples are
   * all compared with the same */
  if (!det->has_full_ref_edges) {
    find_edges (det->full[!det->current], full_w, full_w,
        det->y1 - det->y0, det->full_ref_edges);
    det->has_full_ref_edges = TRUE;
  }
  if (det->fine_size < (gsize) w * h) {
    det->fine_size = (gsize) w * h;
    g_free (det->fine);
    det->fine = g_malloc (det->fine_size);
  }
  find_edges (det->full[det->current] + offset, full_w, w, h, det->fine);
  for (cy = 0; cy + CELL <= h; cy += CELL) {
    for (cx = 0; cx + CELL <= w; cx += CELL) {
      guint appeared, went, edges;
      CellPair p;

      measure_cell (det->fine, w, det->full_ref_edges + offset, full_w, cx,
          cy, &p);
      if (!looks_like_text (&p.cur) && !looks_like_text (&p.ref))
        continue;
      edges = judged_edges (&p, &appeared, &went);
      changed += appeared + went > det->threshold * edges;
      text_like++;
    }
  }
  return changed >= MIN_CHANGED_CELLS
      && changed >= FULL_SIZE_CHANGED_SHARE * text_like;
}

/* Whether a place of text changed at full size only
 * (changed_at_full_size()): a clock's seconds on a still slide, a score's
 * digit. The whole region compared when its places cover half of it. */
static gboolean
glyphs_changed (GstVocrChangeDetector * det)
{
  GArray *regions = gst_vocr_change_detector_get_regions (det);
  GstVideoRectangle all = { det->x0, det->y0, det->x1 - det->x0,
    det->y1 - det->y0
  };
  gboolean found = FALSE;
  guint i;

  if (regions == NULL)
    return changed_at_full_size (det, &all);
  for (i = 0; i < regions->len && !found; i++)
    found = changed_at_full_size (det, &g_array_index (regions,
            GstVideoRectangle, i));
  g_array_unref (regions);
  return found;
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
  gint x0, y0, x1, y1, stride, y;
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
  memset (det->cells, 0, (gsize) det->cells_w * det->cells_h);
  memset (det->changed, 0, (gsize) det->cells_w * det->cells_h);

  det->threshold = threshold;
  luma = gst_vocr_frame_luma (frame, &det->luma, &stride);
  scale_down (det, luma, stride, det->half);
  find_edges (det->half, det->width, det->width, det->height,
      det->edges[det->current]);
  for (y = y0; y < y1; y++)
    memcpy (det->full[det->current] + (gsize) (y - y0) * (x1 - x0),
        luma + (gsize) y * stride + x0, x1 - x0);
  changed = compare (det, det->edges[det->current],
      det->edges[!det->current], det->changed, NULL, TRUE, threshold);
  return !det->has_reference || changed >= MIN_CHANGED_CELLS
      || glyphs_changed (det);
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
  det->has_full_ref_edges = FALSE;
  drop_kept (det);
}

/**
 * gst_vocr_change_detector_would_keep:
 * @det: a #GstVocrChangeDetector
 * @timestamp: the timestamp of a frame between the reference and the next
 *   frame read
 *
 * Whether gst_vocr_change_detector_keep() would keep a frame at
 * @timestamp (of the reference's region): ask before mapping a frame that
 * is likely not kept.
 *
 * Returns: %FALSE when there is no reference, or the last frame kept is
 *   too close
 */
gboolean
gst_vocr_change_detector_would_keep (GstVocrChangeDetector * det,
    GstClockTime timestamp)
{
  g_return_val_if_fail (det != NULL, FALSE);
  if (!det->has_reference || !GST_CLOCK_TIME_IS_VALID (timestamp)
      || det->width < CELL || det->height < CELL)
    return FALSE;
  return det->n_kept == 0 || timestamp < det->kept_times[det->n_kept - 1]
      || timestamp >= det->kept_times[det->n_kept - 1] + det->keep_spacing;
}

/**
 * gst_vocr_change_detector_keep:
 * @det: a #GstVocrChangeDetector
 * @frame: a frame between the reference and the next frame read, mapped
 *   for reading
 * @roi: (nullable): the region that is read, or %NULL for the whole frame
 * @timestamp: the frame's timestamp
 *
 * Keeps @frame, scaled down, so that gst_vocr_change_detector_get_changes()
 * can tell, when the next frame read has changed, in which frame each place
 * took its look. Call it for the frames between the frames read, in order;
 * it keeps one every 60 ms or more (fewer, when many come before the next
 * read), until the reference is set again or the kept frames are dropped.
 */
void
gst_vocr_change_detector_keep (GstVocrChangeDetector * det,
    const GstVideoFrame * frame, const GstVideoRectangle * roi,
    GstClockTime timestamp)
{
  gint x0, y0, x1, y1, stride;
  const guint8 *luma;
  guint i;

  g_return_if_fail (det != NULL);
  g_return_if_fail (frame != NULL);

  gst_vocr_frame_clip (frame, roi, &x0, &y0, &x1, &y1);
  /* another region is no frame between these */
  if (!gst_vocr_change_detector_would_keep (det, timestamp)
      || x0 != det->x0 || y0 != det->y0 || x1 != det->x1 || y1 != det->y1)
    return;
  if (det->n_kept == KEPT_MAX) {
    /* every other one goes (its buffer moves up, to be reused) */
    for (i = 1; i < KEPT_MAX / 2; i++) {
      guint8 *map = det->kept[i];

      det->kept[i] = det->kept[2 * i];
      det->kept[2 * i] = map;
      det->kept_times[i] = det->kept_times[2 * i];
    }
    det->n_kept = KEPT_MAX / 2;
    det->keep_spacing *= 2;
  }
  if (det->kept[det->n_kept] == NULL)
    det->kept[det->n_kept] = g_malloc ((gsize) det->width * det->height);
  luma = gst_vocr_frame_luma (frame, &det->luma, &stride);
  scale_down (det, luma, stride, det->kept[det->n_kept]);
  det->kept_times[det->n_kept++] = timestamp;
}

/**
 * gst_vocr_change_detector_drop_kept:
 * @det: a #GstVocrChangeDetector
 *
 * Forgets the frames kept since the reference: call it when a frame
 * compared showed the same text as the reference, so that what changed
 * before it (and changed back) is no change.
 */
void
gst_vocr_change_detector_drop_kept (GstVocrChangeDetector * det)
{
  g_return_if_fail (det != NULL);
  drop_kept (det);
}

/* Dates the cells of the edge map @cur (of the frame at @timestamp; @before
 * is the edge map replayed before it, or %NULL) that differ from the
 * reference, and tells the moving ones. */
static void
date_cells (GstVocrChangeDetector * det, const guint8 * cur,
    const guint8 * before, GstClockTime timestamp)
{
  gsize i, n = (gsize) det->cells_w * det->cells_h;

  /* a cell not differing in the frame read has no date whatever it did
   * before: only those that do are compared */
  memset (det->differing, 0, n);
  compare (det, cur, det->edges[!det->current], det->differing, det->changed,
      FALSE, det->threshold);
  /* only the cells differing from the reference are compared further */
  memset (det->moved, before == NULL, n);
  if (before)
    compare (det, cur, before, det->moved, det->differing, FALSE,
        det->threshold);
  memset (det->moving, 0, n);
  if (det->has_span) {
    gboolean span_over = timestamp < det->span_time
        || timestamp >= det->span_time + MOTION_SPAN;

    /* the cells that moved over this span, then those of them that did
     * over the last one too */
    find_motion (det, cur, det->span, det->moving, det->differing,
        det->threshold);
    for (i = 0; i < n; i++) {
      guint8 over_span = det->moving[i];

      det->moving[i] = over_span && det->span_moved[i];
      if (span_over)
        det->span_moved[i] = over_span;
    }
    det->has_span = !span_over;
  }
  if (!det->has_span) {
    memcpy (det->span, cur, (gsize) det->width * det->height);
    det->span_time = timestamp;
    det->has_span = TRUE;
  }
  /* a cell that changed back (a flicker, a passing shape) is undated; one
   * that changed again (the next word typed, a fade going on, the next
   * subtitle) is dated again */
  for (i = 0; i < n; i++) {
    if (!det->differing[i])
      det->dates[i] = GST_CLOCK_TIME_NONE;
    else if (!GST_CLOCK_TIME_IS_VALID (det->dates[i]) || det->moved[i])
      det->dates[i] = timestamp;
  }
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

/**
 * gst_vocr_change_detector_changed_within:
 * @det: a #GstVocrChangeDetector
 * @rect: a rectangle of the frame, in pixels
 *
 * Whether the text of the last updated frame may differ from the
 * reference's inside @rect, so that a reading of @rect in the reference
 * frame cannot stand for it.
 *
 * Returns: %TRUE if a cell overlapping @rect changed, at the analysis
 *   scale or at full size (a few glyphs replaced: a status bar's "Ln 137"
 *   becoming "Ln 200"), or there is no reference to compare with
 */
gboolean
gst_vocr_change_detector_changed_within (GstVocrChangeDetector * det,
    const GstVideoRectangle * rect)
{
  gint cell_px, cx0, cy0, cx1, cy1, cx, cy;

  g_return_val_if_fail (det != NULL, TRUE);
  g_return_val_if_fail (rect != NULL, TRUE);
  if (!det->has_reference || det->changed == NULL || det->width < CELL
      || det->height < CELL)
    return TRUE;

  cell_px = det->scale * CELL;
  cx0 = MAX (0, (rect->x - det->x0) / cell_px);
  cy0 = MAX (0, (rect->y - det->y0) / cell_px);
  cx1 = MIN (det->cells_w - 1, (rect->x + rect->w - 1 - det->x0) / cell_px);
  cy1 = MIN (det->cells_h - 1, (rect->y + rect->h - 1 - det->y0) / cell_px);
  for (cy = cy0; cy <= cy1; cy++)
    for (cx = cx0; cx <= cx1; cx++)
      if (det->changed[(gsize) cy * det->cells_w + cx])
        return TRUE;
  return changed_at_full_size (det, rect);
}

/* Whether cell @i belongs to a group: a text-like cell when @like is
 * negative, else a cell dated and moving as cell @like. */
static inline gboolean
member (const GstVocrChangeDetector * det, gsize i, gssize like)
{
  if (like < 0)
    return det->cells[i] == CELL_TEXT;
  return det->dates[i] == det->dates[like]
      && det->moving[i] == det->moving[like];
}

/* Marks in @labels the cells of the group of (cx, cy) (those up to
 * @join_x, @join_y cells apart), and returns their bounding box in
 * cells. */
static void
flood (GstVocrChangeDetector * det, guint8 * labels, gint cx, gint cy,
    gint join_x, gint join_y, gssize like, GstVideoRectangle * box)
{
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (gint));
  gint x0 = cx, y0 = cy, x1 = cx, y1 = cy;

  labels[cy * det->cells_w + cx] = 1;
  g_array_append_val (stack, cy);
  g_array_append_val (stack, cx);
  while (stack->len) {
    gint x = g_array_index (stack, gint, stack->len - 1);
    gint y = g_array_index (stack, gint, stack->len - 2);
    gint nx, ny;

    g_array_set_size (stack, stack->len - 2);
    x0 = MIN (x0, x);
    x1 = MAX (x1, x);
    y0 = MIN (y0, y);
    y1 = MAX (y1, y);
    for (ny = MAX (y - join_y, 0); ny <= MIN (y + join_y, det->cells_h - 1);
        ny++) {
      for (nx = MAX (x - join_x, 0); nx <= MIN (x + join_x,
              det->cells_w - 1); nx++) {
        gsize i = (gsize) ny * det->cells_w + nx;

        if (member (det, i, like) && !labels[i]) {
          labels[i] = 1;
          g_array_append_val (stack, ny);
          g_array_append_val (stack, nx);
        }
      }
    }
  }
  g_array_free (stack, TRUE);
  box->x = x0;
  box->y = y0;
  box->w = x1 - x0 + 1;
  box->h = y1 - y0 + 1;
}

/* Whether the cells of @box (in cells) moved by (@dx, @dy) hold an edgy
 * one: the row or column beside it. */
static gboolean
edgy_beside (const GstVocrChangeDetector * det, const GstVideoRectangle * box,
    gint dx, gint dy)
{
  gint x0 = box->x + dx, y0 = box->y + dy, x, y;

  if (x0 < 0 || y0 < 0 || x0 + box->w > det->cells_w
      || y0 + box->h > det->cells_h)
    return FALSE;
  for (y = y0; y < y0 + box->h; y++)
    for (x = x0; x < x0 + box->w; x++)
      if (det->cells[(gsize) y * det->cells_w + x] == CELL_EDGY)
        return TRUE;
  return FALSE;
}

/* Lengthens @box (in cells) over the edgy cells beyond its ends, up to
 * MAX_EDGY_CELLS each: the thin letters that end its words. Along its
 * length only: across a line lie its neighbours, and a panel's border. */
static void
grow_over_edgy_cells (const GstVocrChangeDetector * det,
    GstVideoRectangle * box)
{
  gboolean across = box->w >= box->h;
  gint dx = across, dy = !across, n;
  /* its end columns (rows), moved outwards a cell at a time */
  GstVideoRectangle first = *box, last = *box;

  if (across) {
    first.w = last.w = 1;
    last.x = box->x + box->w - 1;
  } else {
    first.h = last.h = 1;
    last.y = box->y + box->h - 1;
  }
  for (n = 0; n < MAX_EDGY_CELLS && edgy_beside (det, &first, -dx, -dy); n++) {
    first.x -= dx;
    first.y -= dy;
  }
  for (n = 0; n < MAX_EDGY_CELLS && edgy_beside (det, &last, dx, dy); n++) {
    last.x += dx;
    last.y += dy;
  }
  if (across) {
    box->x = first.x;
    box->w = last.x - first.x + 1;
  } else {
    box->y = first.y;
    box->h = last.y - first.y + 1;
  }
}

static gboolean
overlap (const GstVideoRectangle * a, const GstVideoRectangle * b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h
      && b->y < a->y + a->h;
}

/**
 * gst_vocr_change_detector_get_regions:
 * @det: a #GstVocrChangeDetector
 *
 * The places of the last updated frame that look like text: groups of
 * text-like cells, lengthened over the edgy cells beyond their ends (thin
 * letters), padded by a cell on every side and merged where they
 * overlap, so that reading only these places reads every word the edges
 * show.
 *
 * Returns: (transfer full) (element-type GstVideoRectangle) (nullable):
 *   rectangles in frame pixels, none if nothing looks like text, or %NULL
 *   when they cover half the region or more (reading it whole costs no
 *   more)
 */
GArray *
gst_vocr_change_detector_get_regions (GstVocrChangeDetector * det)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (GstVideoRectangle));
  const gint cell_px = det->scale * CELL;
  guint8 *labels;
  gint cx, cy;
  guint i, j;
  gboolean merged;
  guint64 area = 0;

  g_return_val_if_fail (det != NULL, regions);
  if (det->text_cells == 0)
    return regions;

  labels = g_malloc0 ((gsize) det->cells_w * det->cells_h);
  for (cy = 0; cy < det->cells_h; cy++) {
    for (cx = 0; cx < det->cells_w; cx++) {
      GstVideoRectangle box;
      gint x0, y0, x1, y1;

      if (det->cells[cy * det->cells_w + cx] != CELL_TEXT
          || labels[cy * det->cells_w + cx])
        continue;
      flood (det, labels, cx, cy, JOIN_X, JOIN_Y, -1, &box);
      grow_over_edgy_cells (det, &box);
      /* in frame pixels, a cell of margin around, inside the region */
      x0 = MAX (det->x0, det->x0 + (box.x - 1) * cell_px);
      y0 = MAX (det->y0, det->y0 + (box.y - 1) * cell_px);
      x1 = MIN (det->x1, det->x0 + (box.x + box.w + 1) * cell_px);
      y1 = MIN (det->y1, det->y0 + (box.y + box.h + 1) * cell_px);
      box.x = x0;
      box.y = y0;
      box.w = x1 - x0;
      box.h = y1 - y0;
      g_array_append_val (regions, box);
    }
  }
  g_free (labels);

  /* the margins can make neighbours overlap: merge until none do (a
   * merged rectangle can reach one already passed, hence the restart) */
  merged = TRUE;
  while (merged) {
    merged = FALSE;
    for (i = 0; i < regions->len && !merged; i++) {
      for (j = i + 1; j < regions->len && !merged; j++) {
        GstVideoRectangle *a = &g_array_index (regions, GstVideoRectangle, i);
        GstVideoRectangle *b = &g_array_index (regions, GstVideoRectangle, j);

        if (overlap (a, b)) {
          gint x1 = MAX (a->x + a->w, b->x + b->w);
          gint y1 = MAX (a->y + a->h, b->y + b->h);

          a->x = MIN (a->x, b->x);
          a->y = MIN (a->y, b->y);
          a->w = x1 - a->x;
          a->h = y1 - a->y;
          g_array_remove_index (regions, j);
          merged = TRUE;
        }
      }
    }
  }

  for (i = 0; i < regions->len; i++) {
    const GstVideoRectangle *r = &g_array_index (regions, GstVideoRectangle,
        i);

    area += (guint64) r->w * r->h;
  }
  if (area * 2 >= (guint64) (det->x1 - det->x0) * (det->y1 - det->y0))
    g_clear_pointer (&regions, g_array_unref);
  return regions;
}

/**
 * gst_vocr_change_detector_get_changes:
 * @det: a #GstVocrChangeDetector
 * @timestamp: the timestamp of the frame of the last
 *   gst_vocr_change_detector_update(), to be read
 *
 * Where and when the text changed between the reference and the frame of
 * the last update, as the frames kept between them
 * (gst_vocr_change_detector_keep()) and that frame tell: each place
 * differing from the reference, dated by the last of these frames in which
 * it changed, and whether it is moving text. Call it before setting that
 * frame as the reference.
 *
 * Returns: (transfer full) (element-type GstVocrChange): the neighbouring
 *   cells with the same date and motion, as rectangles of the frame; none
 *   when nothing differs or there is no reference
 */
GArray *
gst_vocr_change_detector_get_changes (GstVocrChangeDetector * det,
    GstClockTime timestamp)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (GstVocrChange));
  const gint cell_px = det->scale * CELL;
  guint8 *labels;
  gint cx, cy;
  gsize i, n = (gsize) det->cells_w * det->cells_h;
  guint k;

  g_return_val_if_fail (det != NULL, changes);
  if (det->dates == NULL || !det->has_reference || det->width < CELL
      || det->height < CELL)
    return changes;

  for (i = 0; i < n; i++)
    det->dates[i] = GST_CLOCK_TIME_NONE;
  /* the motion test starts afresh: the last replay's spans are of another
   * interval */
  det->has_span = FALSE;
  memset (det->span_moved, 0, n);
  for (k = 0; k <= det->n_kept; k++) {
    const guint8 *cur = det->edges[det->current];
    GstClockTime t = timestamp;

    if (k < det->n_kept) {
      find_edges (det->kept[k], det->width, det->width, det->height,
          det->replayed);
      cur = det->replayed;
      t = det->kept_times[k];
    }
    date_cells (det, cur, k > 0 ? det->previous : NULL, t);
    if (k < det->n_kept) {
      guint8 *swap = det->previous;

      det->previous = det->replayed;
      det->replayed = swap;
    }
  }
  drop_kept (det);

  labels = g_malloc0 (MAX ((gsize) det->cells_w * det->cells_h, 1));
  for (cy = 0; cy < det->cells_h; cy++) {
    for (cx = 0; cx < det->cells_w; cx++) {
      GstVocrChange change;
      GstVideoRectangle box;

      i = (gsize) cy * det->cells_w + cx;
      if (!GST_CLOCK_TIME_IS_VALID (det->dates[i]) || labels[i])
        continue;
      flood (det, labels, cx, cy, 1, 1, (gssize) i, &box);
      change.x = det->x0 + box.x * cell_px;
      change.y = det->y0 + box.y * cell_px;
      change.width = box.w * cell_px;
      change.height = box.h * cell_px;
      change.timestamp = det->dates[i];
      change.moving = det->moving[i];
      g_array_append_val (changes, change);
    }
  }
  g_free (labels);
  return changes;
}

/* A pixel of a snapshot's place has changed when its luma differs by at
 * least the first edge grade; a place has changed when more than
 * 1 / SNAPSHOT_CHANGED_SHARE of its pixels have. Still text over a still
 * picture, compressed (the benchmark's slides, a code editor), changes no
 * pixel so in half a second; a glyph's stroke replaced in a line of ten
 * changes 0.4 % of its box; subtitles over a moving picture change 1 to
 * 4 % (their box holds some of the picture), and are not the same.
 * Its glyphs changed when the changed pixels gather: windows as wide as
 * the place is high (a glyph or two) where more than
 * 1 / GLYPH_CHANGED_SHARE of the pixels changed, and outside them, over at
 * least a third of the place, the place is the same. A digit replaced in
 * a slide's "Page 2" changes 3 to 4 % of its box, as much as subtitles
 * over a moving picture, but 13 % of its window, and the rest none; the
 * subtitles' changes are spread (in the benchmark's clips, none of 2900
 * boxes of unchanged text whose glyphs stayed still were taken for changed
 * glyphs but a few of a code editor's lines the pointer went over, and
 * the lines of a text fading). */
#define SNAPSHOT_CHANGED_SHARE 400
#define GLYPH_CHANGED_SHARE 25
/* A place whose pixels differ over 1 / SNAPSHOT_GONE_SHARE of it or more
 * is no longer what it was: a line's band and glyphs, gone, change most
 * of its box (a lower third faded out over a still picture: its last
 * reading, halfway through the fade, read "lar"); text over a moving
 * picture changes 1 to 4 %. */
#define SNAPSHOT_GONE_SHARE 4

struct _GstVocrSnapshot
{
  guint n_places;
  GstVideoRectangle *places;    /* clipped to the frame */
  guint8 **luma;                /* each place's luma, row after row */
};

/**
 * gst_vocr_snapshot_new:
 * @frame: a frame mapped for reading
 * @places: (array length=n_places): rectangles of @frame, in its pixels
 * @n_places: how many
 *
 * Keeps the luma of @places of @frame, to tell later whether a frame still
 * shows the same there (gst_vocr_snapshot_compare()): the lines read in
 * a frame, whose text is still on screen in a later frame whose reading
 * missed it.
 *
 * Returns: (transfer full) (nullable): the snapshot, %NULL when called
 *   without a frame
 */
GstVocrSnapshot *
gst_vocr_snapshot_new (const GstVideoFrame * frame,
    const GstVideoRectangle * places, guint n_places)
{
  GstVocrSnapshot *snapshot;
  GstVocrLumaBuffer buffer = { 0 };
  const guint8 *luma;
  gint stride;
  guint i;

  g_return_val_if_fail (frame != NULL, NULL);
  g_return_val_if_fail (places != NULL || n_places == 0, NULL);

  snapshot = g_new0 (GstVocrSnapshot, 1);
  snapshot->n_places = n_places;
  snapshot->places = g_new (GstVideoRectangle, MAX (n_places, 1));
  snapshot->luma = g_new0 (guint8 *, MAX (n_places, 1));
  for (i = 0; i < n_places; i++) {
    GstVideoRectangle *place = &snapshot->places[i];
    gint x0, y0, x1, y1, y;

    gst_vocr_frame_clip (frame, &places[i], &x0, &y0, &x1, &y1);
    place->x = x0;
    place->y = y0;
    place->w = MAX (0, x1 - x0);
    place->h = MAX (0, y1 - y0);
    snapshot->luma[i] = g_malloc ((gsize) MAX (1, place->w * place->h));
    /* the places' pixels only: lines cover a small part of the frame, and
     * an RGB frame would be converted whole */
    luma = gst_vocr_frame_luma_rect (frame, x0, y0, place->w, place->h,
        &buffer, &stride);
    for (y = 0; y < place->h; y++)
      memcpy (snapshot->luma[i] + (gsize) y * place->w,
          luma + (gsize) y * stride, place->w);
  }
  g_free (buffer.data);
  return snapshot;
}

/**
 * gst_vocr_snapshot_get_n_places:
 * @snapshot: a #GstVocrSnapshot
 *
 * Returns: how many places @snapshot keeps
 */
guint
gst_vocr_snapshot_get_n_places (const GstVocrSnapshot * snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->n_places;
}

/* Whether the changed pixels of a place @width wide and @height high,
 * @columns of them in each column (@total in all), gather in a few of its
 * glyphs, the rest of it still (see GLYPH_CHANGED_SHARE). */
static gboolean
changes_gather_in_glyphs (const guint * columns, gint width, gint height,
    guint64 total)
{
  gint window = MIN (width, height), step = MAX (1, window / 2);
  /* before[x]: the changed pixels left of column x */
  guint64 *before = g_new (guint64, width + 1);
  gboolean *in_changed = g_new0 (gboolean, width);
  guint64 outside = total;
  gint x, c, still = width;
  gboolean gathered = FALSE;

  before[0] = 0;
  for (x = 0; x < width; x++)
    before[x + 1] = before[x] + columns[x];
  /* windows every @step columns, the last one ending at the place's end */
  for (x = 0;; x = MIN (x + step, width - window)) {
    if ((before[x + window] - before[x]) * GLYPH_CHANGED_SHARE >
        (guint64) window * height) {
      gathered = TRUE;
      for (c = x; c < x + window; c++) {
        if (!in_changed[c]) {
          in_changed[c] = TRUE;
          outside -= columns[c];
          still--;
        }
      }
    }
    if (x == width - window)
      break;
  }
  g_free (before);
  g_free (in_changed);
  return gathered && 3 * still >= width
      && outside * SNAPSHOT_CHANGED_SHARE <= (guint64) still * height;
}

/* How @luma (@stride a row), the pixels of @snapshot's place @i in another
 * frame from its first on, compares with what @snapshot kept of it. */
static GstVocrSnapshotChange
place_change (const GstVocrSnapshot * snapshot, guint i,
    const guint8 * luma, gint stride)
{
  const GstVideoRectangle *place = &snapshot->places[i];
  guint *columns = g_new0 (guint, place->w);
  guint64 differing = 0;
  GstVocrSnapshotChange change = GST_VOCR_SNAPSHOT_SAME;
  gint x, y;

  for (y = 0; y < place->h; y++) {
    const guint8 *then = snapshot->luma[i] + (gsize) y * place->w;
    const guint8 *now = luma + (gsize) y * stride;

    for (x = 0; x < place->w; x++)
      columns[x] += abs_diff (then[x], now[x]) >= edge_grades[0];
  }
  for (x = 0; x < place->w; x++)
    differing += columns[x];
  if (differing * SNAPSHOT_GONE_SHARE >= (guint64) place->w * place->h)
    change = GST_VOCR_SNAPSHOT_GONE;
  else if (differing * SNAPSHOT_CHANGED_SHARE > (guint64) place->w * place->h)
    change = changes_gather_in_glyphs (columns, place->w, place->h,
        differing) ? GST_VOCR_SNAPSHOT_GLYPHS_CHANGED :
        GST_VOCR_SNAPSHOT_CHANGED;
  g_free (columns);
  return change;
}

/**
 * gst_vocr_snapshot_compare:
 * @snapshot: a #GstVocrSnapshot
 * @frame: a frame mapped for reading
 * @changes: (out caller-allocates) (array): one per place of @snapshot
 *   (gst_vocr_snapshot_get_n_places())
 *
 * Tells for each place of @snapshot how @frame compares with the
 * snapshot's frame there: the same (a handful of pixels may differ:
 * compression), a few glyphs changed, or changed all along (also when the
 * place is empty or out of @frame).
 */
void
gst_vocr_snapshot_compare (const GstVocrSnapshot * snapshot,
    const GstVideoFrame * frame, GstVocrSnapshotChange * changes)
{
  GstVocrLumaBuffer buffer = { 0 };
  const guint8 *luma;
  gint stride;
  guint i;

  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (frame != NULL);
  g_return_if_fail (changes != NULL || snapshot->n_places == 0);

  for (i = 0; i < snapshot->n_places; i++) {
    const GstVideoRectangle *place = &snapshot->places[i];

    if (place->w > 0 && place->h > 0
        && place->x + place->w <= GST_VIDEO_FRAME_WIDTH (frame)
        && place->y + place->h <= GST_VIDEO_FRAME_HEIGHT (frame)) {
      luma = gst_vocr_frame_luma_rect (frame, place->x, place->y, place->w,
          place->h, &buffer, &stride);
      changes[i] = place_change (snapshot, i, luma, stride);
    } else {
      changes[i] = GST_VOCR_SNAPSHOT_CHANGED;
    }
  }
  g_free (buffer.data);
}

/**
 * gst_vocr_snapshot_free:
 * @snapshot: (transfer full) (nullable): a #GstVocrSnapshot
 */
void
gst_vocr_snapshot_free (GstVocrSnapshot * snapshot)
{
  guint i;

  if (snapshot == NULL)
    return;
  for (i = 0; i < snapshot->n_places; i++)
    g_free (snapshot->luma[i]);
  g_free (snapshot->luma);
  g_free (snapshot->places);
  g_free (snapshot);
}
