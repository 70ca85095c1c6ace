/* gst-vocr: unit tests of the change detector's dating of changes between
 * the frames read
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <gst/check/gstcheck.h>
#include "vocr.h"

#define WIDTH 640
#define HEIGHT 360
#define FRAME (40 * GST_MSECOND)

/* A black frame with, unless @x is negative, a row of ten glyph-like
 * shapes ("H", 12x20 pixels, 6 apart) from @x, @y. */
static GstBuffer *
make_frame (gint x, gint y)
{
  GstBuffer *buffer = gst_buffer_new_allocate (NULL, WIDTH * HEIGHT, NULL);
  GstMapInfo map;
  gint i, gx, gy;

  fail_unless (gst_buffer_map (buffer, &map, GST_MAP_WRITE));
  memset (map.data, 0, map.size);
  for (i = 0; x >= 0 && i < 10; i++) {
    gint x0 = x + i * 18;

    for (gy = 0; gy < 20; gy++) {
      for (gx = 0; gx < 12; gx++) {
        gboolean ink = gx < 2 || gx >= 10 || (gy >= 9 && gy < 11);

        if (ink && x0 + gx < WIDTH)
          map.data[(y + gy) * WIDTH + x0 + gx] = 235;
      }
    }
  }
  gst_buffer_unmap (buffer, &map);
  return buffer;
}

/* Gives @det the frame of make_frame (@x, @y) at @n frames: to keep as
 * one between the frames read, or (@read) to read: then returns the
 * changes since the frame read before, and makes it the reference. */
static GArray *
show (GstVocrChangeDetector * det, gint x, gint y, guint n, gboolean read)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  GstBuffer *buffer = make_frame (x, y);
  GArray *changes = NULL;

  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_GRAY8, WIDTH, HEIGHT);
  fail_unless (gst_video_frame_map (&frame, &info, buffer, GST_MAP_READ));
  if (read) {
    gst_vocr_change_detector_update (det, &frame, NULL, 0.25);
    changes = gst_vocr_change_detector_get_changes (det, n * FRAME);
    gst_vocr_change_detector_set_reference (det);
  } else {
    gst_vocr_change_detector_keep (det, &frame, NULL, n * FRAME);
  }
  gst_video_frame_unmap (&frame);
  gst_buffer_unref (buffer);
  return changes;
}

/* The changes overlapping the box (@x, @y, @w, @h): their area that moves,
 * and the latest date of the others (NONE if none). */
static GstClockTime
changes_over (GArray * changes, gint x, gint y, gint w, gint h,
    gint64 * moving_area, gint64 * area)
{
  GstClockTime latest = GST_CLOCK_TIME_NONE;
  guint i;

  *moving_area = *area = 0;
  for (i = 0; i < changes->len; i++) {
    const GstVocrChange *c = &g_array_index (changes, GstVocrChange, i);
    gint64 ow = MIN (x + w, c->x + c->width) - MAX (x, c->x);
    gint64 oh = MIN (y + h, c->y + c->height) - MAX (y, c->y);

    if (ow <= 0 || oh <= 0)
      continue;
    *area += ow * oh;
    if (c->moving)
      *moving_area += ow * oh;
    else if (!GST_CLOCK_TIME_IS_VALID (latest) || c->timestamp > latest)
      latest = c->timestamp;
  }
  return latest;
}

GST_START_TEST (test_text_coming_between_reads_is_dated)
{
  GstVocrChangeDetector *det = gst_vocr_change_detector_new ();
  GArray *changes;
  gint64 moving, area;
  GstClockTime date;
  guint n;

  /* read at frame 0 without text; the text comes at frame 5 (200 ms), with
   * the frames kept every 60 ms or more (every other frame); read again at
   * frame 12 */
  fail_if (gst_vocr_change_detector_would_keep (det, FRAME));
  g_array_unref (show (det, -1, 0, 0, TRUE));
  for (n = 1; n < 12; n++) {
    /* one every 60 ms or more: frames 1, 3, 5… */
    fail_unless_equals_int (gst_vocr_change_detector_would_keep (det,
            n * FRAME), n % 2 == 1);
    show (det, n >= 5 ? 200 : -1, 160, n, FALSE);
  }
  changes = show (det, 200, 160, 12, TRUE);
  date = changes_over (changes, 200, 160, 174, 20, &moving, &area);
  fail_unless (date >= 5 * FRAME && date <= 6 * FRAME,
      "dated %" GST_TIME_FORMAT, GST_TIME_ARGS (date));
  fail_unless (area > 0);
  fail_unless_equals_int64 (moving, 0);
  g_array_unref (changes);

  /* the next reading starts afresh: nothing changed since */
  for (n = 13; n < 24; n++)
    show (det, 200, 160, n, FALSE);
  changes = show (det, 200, 160, 24, TRUE);
  fail_unless_equals_int (changes->len, 0);
  g_array_unref (changes);

  /* a change that reverts (a flicker) is no change */
  for (n = 25; n < 36; n++)
    show (det, n == 28 ? -1 : 200, 160, n, FALSE);
  changes = show (det, 200, 160, 36, TRUE);
  fail_unless_equals_int (changes->len, 0);
  g_array_unref (changes);

  /* many frames between two reads (3 s): fewer are kept, further apart,
   * the date is still within a few of them */
  for (n = 37; n < 112; n++)
    show (det, n >= 90 ? -1 : 200, 160, n, FALSE);
  changes = show (det, -1, 160, 112, TRUE);
  date = changes_over (changes, 200, 160, 174, 20, &moving, &area);
  fail_unless (date >= 90 * FRAME && date <= 90 * FRAME + 300 * GST_MSECOND,
      "dated %" GST_TIME_FORMAT, GST_TIME_ARGS (date));
  g_array_unref (changes);

  gst_vocr_change_detector_free (det);
}

GST_END_TEST;

GST_START_TEST (test_moving_text_is_told)
{
  GstVocrChangeDetector *det = gst_vocr_change_detector_new ();
  GArray *changes;
  gint64 moving, area;
  guint n;

  /* a ticker moving 3 pixels a frame, read at frames 0 and 12 */
  g_array_unref (show (det, 300, 300, 0, TRUE));
  for (n = 1; n < 12; n++)
    show (det, 300 - 3 * n, 300, n, FALSE);
  changes = show (det, 300 - 3 * 12, 300, 12, TRUE);
  changes_over (changes, 264, 300, 174, 20, &moving, &area);
  fail_unless (area > 0);
  fail_unless (2 * moving >= area, "%" G_GINT64_FORMAT " of %"
      G_GINT64_FORMAT " moving", moving, area);
  g_array_unref (changes);
  gst_vocr_change_detector_free (det);
}

GST_END_TEST;

/* Maps make_frame (@x, @y), with the "H" at index @changed (if any)
 * filled into a block, and, when @shimmer, every fifth pixel between the
 * glyphs' stems grey (a moving picture showing through the line), into
 * @frame, as GRAY8 or, @rgb, as the same grays in BGRx; unmap with
 * gst_video_frame_unmap() and unref its buffer. */
static void
map_frame (gint x, gint y, gint changed, gboolean shimmer, gboolean rgb,
    GstVideoFrame * frame)
{
  GstBuffer *buffer = make_frame (x, y);
  GstVideoInfo info;
  GstMapInfo map;
  gint gx, gy;

  fail_unless (gst_buffer_map (buffer, &map, GST_MAP_WRITE));
  for (gy = 0; gy < 20; gy++) {
    guint8 *row = map.data + (y + gy) * WIDTH + x;

    if (changed >= 0)
      memset (row + changed * 18 + 2, 235, 8);
    for (gx = 0; shimmer && gx < 180; gx += 5)
      if (row[gx] == 0)
        row[gx] = 80;
  }
  if (rgb) {
    GstBuffer *bgrx = gst_buffer_new_allocate (NULL, WIDTH * HEIGHT * 4,
        NULL);
    GstMapInfo out;
    gsize i;

    fail_unless (gst_buffer_map (bgrx, &out, GST_MAP_WRITE));
    for (i = 0; i < (gsize) WIDTH * HEIGHT; i++)
      memset (out.data + 4 * i, map.data[i], 4);
    gst_buffer_unmap (bgrx, &out);
    gst_buffer_unmap (buffer, &map);
    gst_buffer_unref (buffer);
    buffer = bgrx;
  } else {
    gst_buffer_unmap (buffer, &map);
  }
  gst_video_info_set_format (&info, rgb ? GST_VIDEO_FORMAT_BGRx :
      GST_VIDEO_FORMAT_GRAY8, WIDTH, HEIGHT);
  fail_unless (gst_video_frame_map (frame, &info, buffer, GST_MAP_READ));
  gst_buffer_unref (buffer);
}

/* A snapshot of a line's box tells a frame showing the same line (a few
 * pixels flickering) from one where a glyph changed, the rest still, from
 * one where a moving picture shows through it, and from one where the
 * line moved or went (most of its pixels changed); in gray frames and in
 * RGB ones (whose places alone are converted). */
GST_START_TEST (test_snapshot_tells_a_place_that_changed)
{
  GstVideoRectangle places[] = {
    {40, 100, 180, 20},         /* the line */
    {400, 200, 60, 30},         /* black, beside it */
    {600, 340, 100, 40},        /* reaching out of the frame */
  };
  GstVocrSnapshotChange changes[G_N_ELEMENTS (places)];
  GstVideoFrame gray, rgb_frame;
  GstVocrSnapshot *of_rgb;
  gint rgb;

  /* an RGB frame's places hold the same luma as the gray frame's */
  map_frame (40, 100, 4, TRUE, FALSE, &gray);
  map_frame (40, 100, 4, TRUE, TRUE, &rgb_frame);
  of_rgb = gst_vocr_snapshot_new (&rgb_frame, places, G_N_ELEMENTS (places));
  gst_vocr_snapshot_compare (of_rgb, &gray, changes);
  fail_unless_equals_int (changes[0], GST_VOCR_SNAPSHOT_SAME);
  fail_unless_equals_int (changes[2], GST_VOCR_SNAPSHOT_SAME);
  gst_vocr_snapshot_free (of_rgb);
  gst_video_frame_unmap (&gray);
  gst_video_frame_unmap (&rgb_frame);

  for (rgb = 0; rgb < 2; rgb++) {
    GstVideoFrame first, same, glyph, moved, gone, shimmer;
    GstVocrSnapshot *snapshot;
    guint8 *flicker;
    gint ps = rgb ? 4 : 1;

    map_frame (40, 100, -1, FALSE, rgb, &first);
    map_frame (40, 100, -1, FALSE, rgb, &same);
    map_frame (40, 100, 4, FALSE, rgb, &glyph);
    map_frame (44, 100, -1, FALSE, rgb, &moved);
    map_frame (40, 200, -1, FALSE, rgb, &gone);
    map_frame (40, 100, -1, TRUE, rgb, &shimmer);
    /* compression's flicker: a few of the line's pixels, well under 1 % */
    flicker = GST_VIDEO_FRAME_PLANE_DATA (&same, 0);
    memset (flicker + (105 * WIDTH + 41) * ps, 0, ps);
    memset (flicker + (110 * WIDTH + 90) * ps, 200, ps);

    snapshot = gst_vocr_snapshot_new (&first, places, G_N_ELEMENTS (places));
    fail_unless_equals_int (gst_vocr_snapshot_get_n_places (snapshot), 3);

    gst_vocr_snapshot_compare (snapshot, &same, changes);
    fail_unless_equals_int (changes[0], GST_VOCR_SNAPSHOT_SAME);
    fail_unless_equals_int (changes[1], GST_VOCR_SNAPSHOT_SAME);
    /* clipped to the frame, what is left of it did not change */
    fail_unless_equals_int (changes[2], GST_VOCR_SNAPSHOT_SAME);

    gst_vocr_snapshot_compare (snapshot, &glyph, changes);
    fail_unless_equals_int (changes[0], GST_VOCR_SNAPSHOT_GLYPHS_CHANGED);
    fail_unless_equals_int (changes[1], GST_VOCR_SNAPSHOT_SAME);

    /* most of its pixels changed */
    gst_vocr_snapshot_compare (snapshot, &moved, changes);
    fail_unless_equals_int (changes[0], GST_VOCR_SNAPSHOT_GONE);
    gst_vocr_snapshot_compare (snapshot, &gone, changes);
    fail_unless_equals_int (changes[0], GST_VOCR_SNAPSHOT_GONE);
    fail_unless_equals_int (changes[1], GST_VOCR_SNAPSHOT_SAME);

    gst_vocr_snapshot_compare (snapshot, &shimmer, changes);
    fail_unless_equals_int (changes[0], GST_VOCR_SNAPSHOT_CHANGED);

    gst_vocr_snapshot_free (snapshot);
    gst_video_frame_unmap (&first);
    gst_video_frame_unmap (&same);
    gst_video_frame_unmap (&glyph);
    gst_video_frame_unmap (&moved);
    gst_video_frame_unmap (&gone);
    gst_video_frame_unmap (&shimmer);
  }
}

GST_END_TEST;

static Suite *
change_suite (void)
{
  Suite *s = suite_create ("change");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_text_coming_between_reads_is_dated);
  tcase_add_test (tc, test_moving_text_is_told);
  tcase_add_test (tc, test_snapshot_tells_a_place_that_changed);
  return s;
}

GST_CHECK_MAIN (change);
