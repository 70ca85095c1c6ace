/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Video text is not a scanned page. Tesseract binarises what it is given
 * with one Otsu threshold and then reads the dark side as ink (trying the
 * light side only for lines it reads badly). Subtitles are light letters in
 * a dark outline over a picture: the threshold falls between the outline
 * and the picture, and Tesseract reads the outlines' rings
 * ("Backspace|adroit|shelves") instead of the letters. Video text is also
 * small: a 360p subtitle's lower-case letters are 8 pixels high, where
 * Tesseract's segmentation wants 20 or more.
 *
 * So each region is looked at first. Both sides of its Otsu threshold are
 * scored by how many of their shapes look like glyphs: inside the region
 * (what touches its edge is the background around the text), of one
 * height, not wider than a few letters. The side making the most glyphs is
 * the ink, and Tesseract is given only those shapes, dark on light: the
 * outline and the picture behind it are gone. The glyph height found sets
 * how much the region is scaled up first (or down: glyphs over twice the
 * height, a licence plate's, are read more surely scaled down to it). A
 * region where neither side makes glyphs stays gray for Tesseract to
 * binarise.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <stdlib.h>

#include "gstvocrprepare.h"

/* The glyph height Tesseract reads best (the median of capitals and
 * lower-case letters), and the most a region is scaled up to reach it. */
#define TARGET_GLYPH_HEIGHT 30
#define MAX_SCALE 4.0
/* scaling up never makes an image larger than this (pixels) */
#define MAX_SCALED_AREA (1920 * 1080)
/* Scaling up costs time (Tesseract's grows with the area), so it needs
 * evidence of text: glyphs lower than this are too few pixels to read at
 * any scale, fewer glyphs than this are as likely a pattern (a fence) as a
 * word, and where specks outnumber glyphs the glyphs are noise's clumps. */
#define MIN_SCALED_GLYPH_HEIGHT 7
#define MIN_SCALED_GLYPHS 8
/* shapes lower than this are noise, not glyphs; fewer glyphs than this
 * are no text to prepare */
#define MIN_GLYPH_HEIGHT 5
#define MIN_GLYPHS 3
/* A bullet or a square is at least this high, in pixels: smaller letters
 * can be solid blobs. */
#define MIN_BULLET_HEIGHT 8
/* a disc fills 79 % of its box */
#define BULLET_FILL 0.76

/* Text is levelled when Leptonica finds it turned by MIN_SKEW to MAX_SKEW
 * degrees with at least this confidence (its ratio of the best alignment
 * score to the unturned one's spread); SKEW_REDUCTION is the subsampling
 * of the search. */
#define MIN_SKEW 1.5f
#define MAX_SKEW 25.0f
#define MIN_SKEW_CONFIDENCE 2.5f
#define SKEW_REDUCTION 1
/* Leptonica gives no confidence for a single row of a few glyphs (its
 * score stays under its fixed minimum: a turned plate's "W 8684 NB", 336 ×
 * 120 pixels, scores 0, and at most 2.2 scaled up), though its angle is
 * right. Such a row is levelled by its glyphs instead: at least
 * ROW_MIN_GLYPHS of about one height, their middles on a line (off it by
 * ROW_MAX_SPREAD of their height at most, as a root mean square), turned
 * ROW_MIN_SKEW degrees or more: below that Tesseract reads a row as it is,
 * and the middles of small and capital letters tilt a short word by a
 * degree or two. */
#define ROW_MIN_GLYPHS 4
#define ROW_MAX_SPREAD 0.15
#define ROW_MIN_SKEW 5.0

/* Otsu's threshold from a histogram, of the values from @lo to @hi
 * (excluded): the best split of them into pixels <= t and pixels > t. */
static gint
otsu_threshold (const guint32 * hist, gint lo, gint hi)
{
  gdouble n[257], s[257];
  gdouble best = -1.0;
  gint i, t = lo;

  /* prefix sums: pixels and their sum of values up to (excluding) i */
  n[0] = s[0] = 0.0;
  for (i = 0; i < 256; i++) {
    n[i + 1] = n[i] + hist[i];
    s[i + 1] = s[i] + (gdouble) hist[i] * i;
  }

#define CLASS_TERM(a, b) \
  ((n[b] - n[a]) > 0.0 ? (s[b] - s[a]) * (s[b] - s[a]) / (n[b] - n[a]) : 0.0)

  /* maximising the between-class variance is maximising sum(S_k^2 / N_k) */
  for (i = lo + 1; i < hi; i++) {
    gdouble v = CLASS_TERM (lo, i) + CLASS_TERM (i, hi);

    if (v > best) {
      best = v;
      t = i - 1;
    }
  }
#undef CLASS_TERM
  return t;
}

static gint
compare_ints (gconstpointer a, gconstpointer b)
{
  return *(const gint *) a - *(const gint *) b;
}

/* The @width x @height luma at @luma (@stride bytes a row) as an 8 bpp
 * image; its histogram is added to @hist unless %NULL. */
static PIX *
gray_pix (const guint8 * luma, gint stride, gint width, gint height,
    guint32 * hist)
{
  PIX *gray = pixCreate (width, height, 8);
  l_uint32 *data = pixGetData (gray);
  gint wpl = pixGetWpl (gray), x, y;

  for (y = 0; y < height; y++) {
    const guint8 *row = luma + (gsize) y * stride;
    l_uint32 *line = data + (gsize) y * wpl;

    for (x = 0; x < width; x++)
      SET_DATA_BYTE (line, x, row[x]);
    for (x = 0; hist && x < width; x++)
      hist[row[x]]++;
  }
  return gray;
}

/* Whether @pix, which it frees, is missing or has no pixel set. */
static gboolean
is_empty (PIX * pix)
{
  l_int32 empty = 1;

  if (pix)
    pixZero (pix, &empty);
  pixDestroy (&pix);
  return empty;
}

/* Whether a @w x @h box has a blob's size: about as wide as high, at least
 * MIN_BULLET_HEIGHT high. */
static gboolean
blob_sized (gint w, gint h)
{
  return h >= MIN_BULLET_HEIGHT && 4 * w >= 3 * h && 3 * w <= 4 * h;
}

/* Whether @shape (@w x @h) is a blob, not a glyph: of a blob's size and
 * solid to its core (something of it is left after eroding by three fifths
 * of its height: a square turned by 15 degrees still holds an upright one
 * of 0.68). Bullets, squares and the windows of a building behind a sign
 * are, turned or not; no letter is: its strokes are a fifth of its height
 * or thinner, even in bold. */
static gboolean
is_blob (PIX * shape, gint w, gint h)
{
  return blob_sized (w, h)
      && !is_empty (pixErodeBrick (NULL, shape, 3 * h / 5, 3 * h / 5));
}

/* Whether @shape (@w x @h) fills its box like a disc or a square, without
 * holes. */
static gboolean
is_filled (PIX * shape, gint w, gint h)
{
  l_int32 count = 0;

  pixCountPixels (shape, &count, NULL);
  return count >= BULLET_FILL * w * h
      && is_empty (pixHolesByFilling (shape, 4));
}

/* How many of the shapes of @ink (1 bpp, ink set; their boxes @boxa, or
 * %NULL) look like glyphs of one size; the median glyph height goes to
 * @median_height, the number of shapes too small to be glyphs to
 * @specks. Shapes touching the region's
 * edge are the background around the text; blobs are no glyphs either
 * (a building's windows behind a sign would outnumber its letters). */
static gint
count_glyphs (PIX * ink, BOXA * boxa, gint * median_height, gint * specks)
{
  gint width = pixGetWidth (ink), height = pixGetHeight (ink);
  gint n, i, count = 0, n_heights = 0, median;
  gint *heights;

  *median_height = 0;
  *specks = 0;
  if (boxa == NULL)
    return 0;
  n = boxaGetCount (boxa);
  heights = g_new (gint, MAX (n, 1));
  for (i = 0; i < n; i++) {
    l_int32 x, y, w, h;
    BOX *box;
    PIX *shape;
    gboolean blob;

    boxaGetBoxGeometry (boxa, i, &x, &y, &w, &h);
    if (x == 0 || y == 0 || x + w >= width || y + h >= height)
      continue;
    if (h < MIN_GLYPH_HEIGHT) {
      (*specks)++;
      continue;
    }
    /* letters touching each other make shapes a few letters wide, not a
     * word's outline */
    if (w > 3 * h)
      continue;
    /* judged by its box (cheaper than extracting every shape; a neighbour
     * reaching in rarely makes a letter's core) */
    blob = FALSE;
    if (blob_sized (w, h)) {
      box = boxaGetBox (boxa, i, L_CLONE);
      shape = pixClipRectangle (ink, box, NULL);
      blob = shape && is_blob (shape, w, h);
      pixDestroy (&shape);
      boxDestroy (&box);
    }
    if (!blob)
      heights[n_heights++] = h;
  }

  if (n_heights == 0) {
    g_free (heights);
    return 0;
  }
  qsort (heights, n_heights, sizeof (gint), compare_ints);
  median = heights[n_heights / 2];
  /* lower-case letters are about half as high as capitals and ascenders */
  for (i = 0; i < n_heights; i++) {
    if (heights[i] * 10 >= median * 4 && heights[i] * 10 <= median * 16)
      count++;
  }
  g_free (heights);
  *median_height = median;
  return count;
}

/* The pixels of @gray above @threshold (@above) or at or below it, as
 * 1 bpp ink. */
static PIX *
split (PIX * gray, gint threshold, gboolean above)
{
  /* pixThresholdToBinary() sets the pixels below its threshold */
  PIX *ink = pixThresholdToBinary (gray, threshold + 1);

  if (above)
    pixInvert (ink, ink);
  return ink;
}

/* One side of a threshold, as ink, and how many glyphs it makes. */
typedef struct
{
  gint threshold;
  gboolean light;               /* the pixels above the threshold */
  PIX *ink;
  BOXA *shapes;
  gint glyphs, glyph_h, specks;
} Side;

static void
side_of (PIX * gray, gint threshold, gboolean light, Side * side)
{
  side->threshold = threshold;
  side->light = light;
  side->ink = split (gray, threshold, light);
  side->shapes = pixConnCompBB (side->ink, 8);
  side->glyphs = count_glyphs (side->ink, side->shapes, &side->glyph_h,
      &side->specks);
}

static void
side_clear (Side * side)
{
  pixDestroy (&side->ink);
  boxaDestroy (&side->shapes);
}

/* Makes @best the side of @gray at @threshold (above it: @light) when that
 * makes more glyphs (glyphs × their height: the counters of letters, the
 * holes of "0", "a", "e", are glyph-like shapes of the other side, as many
 * as the letters in "0:00:00.000" but lower). */
static void
take_better_side (PIX * gray, gint threshold, gboolean light, Side * best)
{
  Side side;

  side_of (gray, threshold, light, &side);
  if (best->ink == NULL
      || side.glyphs * side.glyph_h > best->glyphs * best->glyph_h) {
    side_clear (best);
    *best = side;
  } else {
    side_clear (&side);
  }
}

/* Whether the shape @i of @boxa sits where a full stop does, not where a
 * bullet does, among glyphs of median height @glyph_h: on the baseline of
 * the glyphs beside it (its bottom within a sixth of their height of the
 * highest bottom of those less than a height away along its row: "6.5"),
 * or, where the glyphs are above and below it (text turned a quarter
 * turn), at one side of them ("42.0" turned). A bullet stands in the
 * middle of the glyphs' height, a list's at the start of the line, a
 * ticker's between stories. */
static gboolean
sits_on_baseline (BOXA * boxa, gint i, gint glyph_h)
{
  l_int32 x, y, w, h;
  gint n = boxaGetCount (boxa), j, tol = MAX (glyph_h / 6, 1);
  gint bottom = G_MAXINT, left = G_MAXINT, right = G_MININT;

  boxaGetBoxGeometry (boxa, i, &x, &y, &w, &h);
  for (j = 0; j < n; j++) {
    l_int32 nx, ny, nw, nh;

    boxaGetBoxGeometry (boxa, j, &nx, &ny, &nw, &nh);
    if (j == i || 2 * MAX (nw, nh) < glyph_h || MAX (nw, nh) > 3 * glyph_h)
      continue;
    if (ny <= y + h && ny + nh >= y
        && MAX (nx - (x + w), x - (nx + nw)) <= glyph_h)
      bottom = MIN (bottom, ny + nh);
    else if (nx <= x + w && nx + nw >= x
        && MAX (ny - (y + h), y - (ny + nh)) <= glyph_h) {
      left = MIN (left, nx);
      right = MAX (right, nx + nw);
    }
  }
  if (bottom != G_MAXINT)
    return ABS (y + h - bottom) <= tol;
  return left != G_MAXINT && (ABS (x - left) <= tol
      || ABS (x + w - right) <= tol);
}

/* Removes the bullets and squares from @ink: blobs of at least a third of
 * the median glyph height @glyph_h (a "•" is 0.4 of it, a full stop 0.2)
 * that are also filled like a disc and without holes (blurred small
 * letters of a photo can have a solid core, and are kept), but a blob of
 * a full stop's size on the baseline (a bold full stop, blurred, reaches a
 * third: "6.5" was read "6 5"): Tesseract reads a list's "•" as "e", "*"
 * or digits. */
static void
remove_bullets (PIX * ink, gint glyph_h)
{
  PIXA *shapes = NULL;
  BOXA *boxa = pixConnComp (ink, &shapes, 8);
  gint i, n;

  if (boxa == NULL || shapes == NULL) {
    boxaDestroy (&boxa);
    pixaDestroy (&shapes);
    return;
  }
  n = boxaGetCount (boxa);
  for (i = 0; i < n; i++) {
    l_int32 x, y, w, h;
    PIX *shape;

    boxaGetBoxGeometry (boxa, i, &x, &y, &w, &h);
    if (3 * h < glyph_h)
      continue;
    shape = pixaGetPix (shapes, i, L_CLONE);
    if (is_blob (shape, w, h) && is_filled (shape, w, h)
        && !(2 * h <= glyph_h && sits_on_baseline (boxa, i, glyph_h)))
      pixRasterop (ink, x, y, w, h, PIX_DST & PIX_NOT (PIX_SRC), shape, 0, 0);
    pixDestroy (&shape);
  }
  boxaDestroy (&boxa);
  pixaDestroy (&shapes);
}

/* The shapes of @ink (1 bpp, ink set; their boxes @shapes) that could be
 * the parts of glyphs (of median height @glyph_h) left by the frame's edge
 * at its left side (when @left) or right side (when @right): touching that
 * side but not the top or bottom, and no larger than a wide glyph (a
 * sliver of a letter can be a speck). The ink preparation removes them with the other shapes
 * touching the region's edge, and the rest of their word is read without
 * them, as a word of its own ("deliv", "alomino"). */
static BOXA *
find_cut_glyphs (PIX * ink, BOXA * shapes, gint glyph_h, gboolean left,
    gboolean right)
{
  BOXA *cut;
  gint width = pixGetWidth (ink), height = pixGetHeight (ink), i, n;

  if (shapes == NULL)
    return NULL;
  cut = boxaCreate (0);
  n = boxaGetCount (shapes);
  for (i = 0; i < n; i++) {
    l_int32 x, y, w, h;

    boxaGetBoxGeometry (shapes, i, &x, &y, &w, &h);
    if (!((left && x == 0) || (right && x + w == width)) || y == 0
        || y + h == height)
      continue;
    if (h <= 2 * glyph_h && w <= 2 * glyph_h)
      boxaAddBox (cut, boxaGetBox (shapes, i, L_CLONE), L_INSERT);
  }
  if (boxaGetCount (cut) == 0)
    boxaDestroy (&cut);
  return cut;
}

/* The angle (degrees, clockwise to level it) of the row of glyphs that
 * @ink (1 bpp, ink set) holds, or 0 when its shapes make no such row
 * (see ROW_MIN_GLYPHS). */
static gdouble
glyph_row_angle (PIX * ink)
{
  BOXA *boxa = pixConnCompBB (ink, 8);
  gint n = boxa ? boxaGetCount (boxa) : 0, i, n_heights = 0, kept = 0;
  gint *heights = g_new (gint, MAX (n, 1)), median;
  gdouble sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0, x_min = G_MAXDOUBLE;
  gdouble x_max = -G_MAXDOUBLE, slope, spread, angle = 0.0;

  for (i = 0; i < n; i++) {
    l_int32 x, y, w, h;

    boxaGetBoxGeometry (boxa, i, &x, &y, &w, &h);
    if (h >= MIN_GLYPH_HEIGHT && w <= 3 * h)
      heights[n_heights++] = h;
  }
  qsort (heights, n_heights, sizeof (gint), compare_ints);
  median = n_heights ? heights[n_heights / 2] : 0;
  g_free (heights);
  for (i = 0; i < n && median > 0; i++) {
    l_int32 x, y, w, h;
    gdouble cx, cy;

    boxaGetBoxGeometry (boxa, i, &x, &y, &w, &h);
    if (h < MIN_GLYPH_HEIGHT || w > 3 * h || h * 10 < median * 6
        || h * 10 > median * 16)
      continue;
    cx = x + w / 2.0;
    cy = y + h / 2.0;
    sx += cx;
    sy += cy;
    sxx += cx * cx;
    sxy += cx * cy;
    syy += cy * cy;
    x_min = MIN (x_min, cx);
    x_max = MAX (x_max, cx);
    kept++;
  }
  boxaDestroy (&boxa);
  if (kept < ROW_MIN_GLYPHS || x_max - x_min < 3 * median)
    return 0.0;
  /* least squares: the middles' line, and their spread about it */
  slope = (kept * sxy - sx * sy) / (kept * sxx - sx * sx);
  spread = (syy - 2 * slope * sxy + slope * slope * sxx
      - (sy - slope * sx) * (sy - slope * sx) / kept) / kept;
  if (spread <= (ROW_MAX_SPREAD * median) * (ROW_MAX_SPREAD * median))
    angle = -atan (slope) * 180.0 / M_PI;
  return fabs (angle) >= ROW_MIN_SKEW ? angle : 0.0;
}

/* Turns the ink of @prepared so that its lines are level: signs and plates
 * filmed at an angle, which Tesseract reads only within a few degrees. */
static void
level (GstVocrPrepared * prepared)
{
  l_float32 angle = 0.0f, confidence = 0.0f;
  PIX *turned;

  if (pixFindSkewSweepAndSearch (prepared->pix, &angle, &confidence,
          SKEW_REDUCTION, SKEW_REDUCTION, MAX_SKEW, 1.0f, 0.01f) != 0
      || confidence < MIN_SKEW_CONFIDENCE)
    angle = (l_float32) glyph_row_angle (prepared->pix);
  if (fabsf (angle) < MIN_SKEW || fabsf (angle) > MAX_SKEW)
    return;
  /* embedded in a canvas large enough for the turned corners */
  turned = pixRotate (prepared->pix, (l_float32) (angle * M_PI / 180.0),
      L_ROTATE_SAMPLING, L_BRING_IN_WHITE, prepared->width, prepared->height);
  if (turned == NULL)
    return;
  pixDestroy (&prepared->pix);
  prepared->pix = turned;
  prepared->deskew = angle;
}

/**
 * gst_vocr_prepare_region:
 * @luma: the region's first pixel
 * @stride: bytes from one row of @luma to the next
 * @width: the region's width
 * @height: the region's height
 * @cut_left: whether the region's left side is the frame's edge, where
 *   text can be cut
 * @cut_right: whether its right side is
 * @prepared: (out caller-allocates): the image to give Tesseract; clear it
 *   with gst_vocr_prepared_clear()
 */
void
gst_vocr_prepare_region (const guint8 * luma, gint stride, gint width,
    gint height, gboolean cut_left, gboolean cut_right,
    GstVocrPrepared * prepared)
{
  guint32 hist[256] = { 0 };
  PIX *gray = gray_pix (luma, stride, width, height, hist);
  gint t, glyph_h;
  gdouble scale = 1.0;
  Side best = { 0 };

  /* the side of the threshold making the most glyphs is the ink (the
   * dark side on a tie) */
  t = otsu_threshold (hist, 0, 256);
  take_better_side (gray, t, FALSE, &best);
  take_better_side (gray, t, TRUE, &best);
  /* Three tones: light letters on a band of colour beside a darker area (a
   * code editor's status bar, a lower third's band): the threshold parts
   * the dark area from the rest, letters and band together, and neither
   * side makes glyphs. The light side's own threshold parts the letters
   * from the band, the dark side's dark letters from a band darker than
   * the rest; taken with the evidence scaling up asks for (a picture's
   * shades, parted again, make a few glyph-like shapes: "sas"). */
  if (best.glyphs < MIN_GLYPHS) {
    Side band = { 0 };

    take_better_side (gray, otsu_threshold (hist, t + 1, 256), TRUE, &band);
    take_better_side (gray, otsu_threshold (hist, 0, t + 1), FALSE, &band);
    if (band.glyphs >= MIN_SCALED_GLYPHS && band.specks <= band.glyphs) {
      side_clear (&best);
      best = band;
    } else {
      side_clear (&band);
    }
  }
  glyph_h = best.glyph_h;

  prepared->deskew = 0.0;
  prepared->cut = NULL;
  if (best.glyphs < MIN_GLYPHS) {
    /* no side makes glyphs: the region as it is, for Tesseract to
     * binarise */
    side_clear (&best);
    prepared->pix = gray;
    prepared->region = NULL;
    prepared->scale = 1.0;
    prepared->width = width;
    prepared->height = height;
    return;
  }

  if (best.glyphs >= MIN_SCALED_GLYPHS && best.specks <= best.glyphs
      && glyph_h >= MIN_SCALED_GLYPH_HEIGHT
      && glyph_h < TARGET_GLYPH_HEIGHT) {
    scale = MIN (MAX_SCALE, (gdouble) TARGET_GLYPH_HEIGHT / glyph_h);
    scale = MIN (scale, sqrt ((gdouble) MAX_SCALED_AREA / width / height));
    if (scale < 1.2)
      scale = 1.0;
  } else if (glyph_h > 2 * TARGET_GLYPH_HEIGHT) {
    /* the real set's plates: recall 0.36 unscaled, 0.38 scaled down */
    scale = (gdouble) TARGET_GLYPH_HEIGHT / glyph_h;
  }
  /* the shapes of the region's ink, before any scaling */
  if (cut_left || cut_right)
    prepared->cut = find_cut_glyphs (best.ink, best.shapes, glyph_h,
        cut_left, cut_right);
  prepared->region = pixClone (gray);
  if (scale != 1.0) {
    PIX *scaled = scale > 1.0 ? pixScaleGrayLI (gray, (l_float32) scale,
        (l_float32) scale) : pixScaleAreaMap (gray, (l_float32) scale,
        (l_float32) scale);

    /* the ink again, of the smoother scaled image */
    if (scaled) {
      pixDestroy (&gray);
      gray = scaled;
      pixDestroy (&best.ink);
      best.ink = split (gray, best.threshold, best.light);
    } else {
      scale = 1.0;
    }
  }
  prepared->scale = scale;
  prepared->width = pixGetWidth (gray);
  prepared->height = pixGetHeight (gray);

  pixDestroy (&gray);
  /* only the glyphs: what touches the region's edge is the background
   * around the text */
  prepared->pix = pixRemoveBorderConnComps (best.ink, 8);
  side_clear (&best);
  remove_bullets (prepared->pix, (gint) lround (glyph_h * scale));
  level (prepared);
}

/* Shapes of text lines: glyphs of one line are about as high as each
 * other, their middles within this share of the taller's height, with
 * gaps narrower than this many heights; a line has this many glyphs at
 * least. */
#define LINE_MIDDLE_SHIFT 0.35
#define LINE_HEIGHT_RATIO 1.6
#define LINE_MAX_GAP 1.2
#define LINE_MIN_GLYPHS 3
/* Sauvola's window (pixels either side) and factor: a window a few
 * glyphs wide finds the strokes of text on any background */
#define LOCAL_WINDOW 12
#define LOCAL_FACTOR 0.34f
/* see gst_vocr_find_large_text_lines() */
#define LARGE_GLYPH_HEIGHT 28
#define LARGE_SEARCH_WIDTH 640

typedef struct
{
  l_int32 x, y, w, h;
  gint parent, n;
} Shape;

static gint
shape_root (Shape * shapes, gint i)
{
  while (shapes[i].parent != i)
    i = shapes[i].parent = shapes[shapes[i].parent].parent;
  return i;
}

static gint
compare_shapes_x (gconstpointer a, gconstpointer b)
{
  const Shape *sa = a, *sb = b;

  return (sa->x > sb->x) - (sa->x < sb->x);
}

/* Adds to @lines the boxes of the rows of glyph-like shapes of @ink
 * (1 bpp, ink set) at least @min_height high, padded by half their
 * height along the row and by 1 / @pad_across_divisor of it across. */
static void
add_lines_of (PIX * ink, gint min_height, gint pad_across_divisor,
    BOXA * lines)
{
  PIXA *pixa = NULL;
  BOXA *boxa = pixConnComp (ink, &pixa, 8);
  gint width = pixGetWidth (ink), height = pixGetHeight (ink);
  gint n, i, j, n_shapes = 0;
  Shape *shapes;

  if (boxa == NULL || pixa == NULL) {
    boxaDestroy (&boxa);
    pixaDestroy (&pixa);
    return;
  }
  n = boxaGetCount (boxa);
  shapes = g_new (Shape, MAX (n, 1));
  for (i = 0; i < n; i++) {
    Shape *s = &shapes[n_shapes];
    gboolean blob = FALSE;

    boxaGetBoxGeometry (boxa, i, &s->x, &s->y, &s->w, &s->h);
    if (s->h < min_height || s->h > height / 3 || s->w > 2 * s->h)
      continue;
    /* windows, bullets and squares, turned or not, are no glyphs */
    if (blob_sized (s->w, s->h)) {
      PIX *shape = pixaGetPix (pixa, i, L_CLONE);

      blob = is_blob (shape, s->w, s->h);
      pixDestroy (&shape);
    }
    if (blob)
      continue;
    s->parent = n_shapes;
    s->n = 1;
    n_shapes++;
  }
  boxaDestroy (&boxa);
  pixaDestroy (&pixa);

  qsort (shapes, n_shapes, sizeof (Shape), compare_shapes_x);
  for (i = 0; i < n_shapes; i++)
    shapes[i].parent = i;
  for (i = 0; i < n_shapes; i++) {
    const Shape *a = &shapes[i];

    for (j = i + 1; j < n_shapes && shapes[j].x <= a->x + a->w +
        LINE_MAX_GAP * a->h; j++) {
      const Shape *b = &shapes[j];
      gint tall = MAX (a->h, b->h), low = MIN (a->h, b->h);
      gint middles = ABS ((2 * a->y + a->h) - (2 * b->y + b->h)) / 2;
      gint ri, rj;

      if (tall > LINE_HEIGHT_RATIO * low || middles > LINE_MIDDLE_SHIFT * tall
          || b->x - (a->x + a->w) > LINE_MAX_GAP * tall)
        continue;
      ri = shape_root (shapes, i);
      rj = shape_root (shapes, j);
      if (ri != rj) {
        shapes[rj].parent = ri;
        shapes[ri].n += shapes[rj].n;
      }
    }
  }

  for (i = 0; i < n_shapes; i++) {
    l_int32 x0 = G_MAXINT32, y0 = G_MAXINT32, x1 = 0, y1 = 0, pad, pad_y;
    gint glyph_h = 0;

    if (shape_root (shapes, i) != i || shapes[i].n < LINE_MIN_GLYPHS)
      continue;
    for (j = 0; j < n_shapes; j++) {
      const Shape *s = &shapes[j];

      if (shape_root (shapes, j) != i)
        continue;
      x0 = MIN (x0, s->x);
      y0 = MIN (y0, s->y);
      x1 = MAX (x1, s->x + s->w);
      y1 = MAX (y1, s->y + s->h);
      glyph_h = MAX (glyph_h, s->h);
    }
    if (x1 - x0 < 2 * glyph_h)
      continue;
    pad = glyph_h / 2;
    pad_y = glyph_h / pad_across_divisor;
    x0 = MAX (0, x0 - pad);
    y0 = MAX (0, y0 - pad_y);
    x1 = MIN (width, x1 + pad);
    y1 = MIN (height, y1 + pad_y);
    boxaAddBox (lines, boxCreate (x0, y0, x1 - x0, y1 - y0), L_INSERT);
  }
  g_free (shapes);
}

/* add_lines_of() the ink of @gray, dark on light and light on dark, each
 * binarised against its neighbourhood. Leaves @gray inverted. */
static void
add_lines_of_both_sides (PIX * gray, gint min_height, gint pad_across_divisor,
    BOXA * lines)
{
  gint polarity;

  for (polarity = 0; polarity < 2; polarity++) {
    PIX *ink = NULL;

    if (polarity)
      pixInvert (gray, gray);
    if (pixSauvolaBinarize (gray, LOCAL_WINDOW, LOCAL_FACTOR, 1, NULL, NULL,
            NULL, &ink) == 0 && ink)
      add_lines_of (ink, min_height, pad_across_divisor, lines);
    pixDestroy (&ink);
  }
}

/* Whether boxes @a and @b, which overlap, are parts of one line: about as
 * high as each other, sharing half of the lower's rows. */
static gboolean
same_line (const BOX * a, const BOX * b)
{
  gint rows = MIN (a->y + a->h, b->y + b->h) - MAX (a->y, b->y);
  gint tall = MAX (a->h, b->h), low = MIN (a->h, b->h);

  return a->x < b->x + b->w && b->x < a->x + a->w && 2 * rows >= low
      && tall <= LINE_HEIGHT_RATIO * low;
}

/* Joins the boxes of @lines that are parts of one line (a glyph the
 * grouping missed split it, or both polarities found it) until none are. */
static BOXA *
join_lines (BOXA * lines)
{
  gboolean joined = TRUE;

  while (joined) {
    gint i, j, n = boxaGetCount (lines);

    joined = FALSE;
    for (i = 0; i < n && !joined; i++) {
      BOX *a = boxaGetBox (lines, i, L_CLONE);

      for (j = i + 1; j < n && !joined; j++) {
        BOX *b = boxaGetBox (lines, j, L_CLONE);

        if (same_line (a, b)) {
          boxaReplaceBox (lines, i, boxBoundingRegion (a, b));
          boxaRemoveBox (lines, j);
          joined = TRUE;
        }
        boxDestroy (&b);
      }
      boxDestroy (&a);
    }
  }
  return lines;
}

/**
 * gst_vocr_find_text_lines:
 * @luma: the region's first pixel
 * @stride: bytes from one row of @luma to the next
 * @width: the region's width
 * @height: the region's height
 *
 * Finds the rows of glyph-like shapes of a region, dark on light and light
 * on dark, each binarised against its neighbourhood: text that a busy
 * region's layout analysis misses (a sign over a building's windows).
 *
 * Returns: (transfer full): the rows' boxes, in the region's pixels
 */
BOXA *
gst_vocr_find_text_lines (const guint8 * luma, gint stride, gint width,
    gint height)
{
  BOXA *lines = boxaCreate (0);
  PIX *gray;

  /* Sauvola's window must fit (Leptonica refuses, loudly, otherwise) */
  if (width < 2 * LOCAL_WINDOW + 3 || height < 2 * LOCAL_WINDOW + 3)
    return lines;
  gray = gray_pix (luma, stride, width, height, NULL);
  add_lines_of_both_sides (gray, MIN_BULLET_HEIGHT, 2, lines);
  pixDestroy (&gray);
  return join_lines (lines);
}

/**
 * gst_vocr_find_large_text_lines:
 * @luma: the region's first pixel
 * @stride: bytes from one row of @luma to the next
 * @width: the region's width
 * @height: the region's height
 *
 * Finds the rows of large glyph-like shapes (LARGE_GLYPH_HEIGHT pixels
 * high or more) of a region, dark on light and light on dark, in the
 * region scaled down to about LARGE_SEARCH_WIDTH pixels across: a licence
 * plate's or a sign's characters, whose thick strokes have too few edges
 * for the change detector's cells to take them for text, and which
 * Tesseract's layout analysis drops from a region as pictures.
 *
 * Returns: (transfer full): the rows' boxes, in the region's pixels
 */
BOXA *
gst_vocr_find_large_text_lines (const guint8 * luma, gint stride,
    gint width, gint height)
{
  gint reduction = MAX (1, width / LARGE_SEARCH_WIDTH);
  BOXA *lines = boxaCreate (0), *found;
  PIX *gray, *small;

  if (width / reduction < 2 * LOCAL_WINDOW + 3
      || height / reduction < 2 * LOCAL_WINDOW + 3)
    return lines;
  gray = gray_pix (luma, stride, width, height, NULL);
  small = reduction > 1 ? pixScaleAreaMap (gray, 1.0f / reduction,
      1.0f / reduction) : pixClone (gray);
  pixDestroy (&gray);
  if (small == NULL)
    return lines;
  add_lines_of_both_sides (small, LARGE_GLYPH_HEIGHT / reduction, 5, lines);
  pixDestroy (&small);
  found = boxaTransform (join_lines (lines), 0, 0, (l_float32) reduction,
      (l_float32) reduction);
  boxaDestroy (&lines);
  return found;
}

/**
 * gst_vocr_prepared_clear:
 * @prepared: what gst_vocr_prepare_region() filled in
 */
void
gst_vocr_prepared_clear (GstVocrPrepared * prepared)
{
  pixDestroy (&prepared->pix);
  pixDestroy (&prepared->region);
  boxaDestroy (&prepared->cut);
}
