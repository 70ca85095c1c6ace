/* gst-vocr: vocrtextdetect on real pipelines over media the tests draw
 * themselves with videotestsrc and textoverlay
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gst/check/gstcheck.h>
#include <gst/video/video.h>
#include "vocr.h"

#define TEXT "Quick brown fox 42"

/* What a pipeline delivered to its fakesink "sink" and posted. */
typedef struct
{
  GPtrArray *buffers;
  GPtrArray *messages;          /* vocr-text element messages, in order */
  GstMessage *stats;            /* the last vocr-stats message */
  GstMessage *error;
  gboolean eos;
} Run;

static void
on_handoff (GstElement * sink, GstBuffer * buffer, GstPad * pad, Run * run)
{
  g_ptr_array_add (run->buffers, gst_buffer_ref (buffer));
}

static void
run_free (Run * run)
{
  g_ptr_array_unref (run->buffers);
  g_ptr_array_unref (run->messages);
  if (run->error)
    gst_message_unref (run->error);
  if (run->stats)
    gst_message_unref (run->stats);
  g_free (run);
}

/* Waits for EOS or an error, collecting vocr-text messages. */
static void
collect (GstElement * pipeline, Run * run)
{
  GstBus *bus = gst_element_get_bus (pipeline);

  while (!run->eos && !run->error) {
    GstMessage *msg = gst_bus_timed_pop_filtered (bus, 120 * GST_SECOND,
        GST_MESSAGE_EOS | GST_MESSAGE_ERROR | GST_MESSAGE_ELEMENT);

    fail_unless (msg != NULL, "pipeline timed out");
    if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS) {
      run->eos = TRUE;
      gst_message_unref (msg);
    } else if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR) {
      run->error = msg;
    } else if (gst_message_has_name (msg, "vocr-text")) {
      g_ptr_array_add (run->messages, msg);
    } else if (gst_message_has_name (msg, "vocr-stats")) {
      gst_message_replace (&run->stats, msg);
      gst_message_unref (msg);
    } else {
      gst_message_unref (msg);
    }
  }
  gst_object_unref (bus);
}

static Run *
run_pipeline (const gchar * description)
{
  Run *run = g_new0 (Run, 1);
  GError *error = NULL;
  GstElement *pipeline = gst_parse_launch (description, &error), *sink;

  fail_unless (pipeline != NULL, "%s: %s", description,
      error ? error->message : "");
  run->buffers = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_buffer_unref);
  run->messages = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_message_unref);

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  if (sink) {
    g_object_set (sink, "signal-handoffs", TRUE, NULL);
    g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), run);
    gst_object_unref (sink);
  }
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) ==
      GST_STATE_CHANGE_FAILURE) {
    GstBus *bus = gst_element_get_bus (pipeline);

    run->error = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
    gst_object_unref (bus);
    fail_unless (run->error != NULL, "state change failed without error");
  } else {
    collect (pipeline, run);
  }
  fail_unless_equals_int (gst_element_set_state (pipeline, GST_STATE_NULL),
      GST_STATE_CHANGE_SUCCESS);
  gst_object_unref (pipeline);
  return run;
}

static Run *
run_text_pipeline (const gchar * source_caps, const gchar * overlay,
    const gchar * format, const gchar * detect_props, guint num_buffers)
{
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=%u pattern=black "
      "! %s ! textoverlay %s ! videoconvert ! video/x-raw,format=%s "
      "! vocrtextdetect %s ! fakesink name=sink sync=false", num_buffers,
      source_caps, overlay, format, detect_props);
  Run *run = run_pipeline (desc);

  g_free (desc);
  return run;
}

/* One 640x360 frame of videotestsrc's @pattern (with its properties) with
 * @drawing (a chain of elements drawing on it), read with @detect_props,
 * without a time limit: these tests are about what is read, and under
 * sanitizers on a busy machine a sample read in two languages can take
 * longer than the default max-ocr-time (the limit has its own test). */
static Run *
run_one_frame_of (const gchar * pattern, const gchar * drawing,
    const gchar * detect_props)
{
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=1 pattern=%s "
      "! video/x-raw,width=640,height=360 ! %s ! vocrtextdetect "
      "max-ocr-time=0 %s ! fakesink name=sink", pattern, drawing,
      detect_props);
  Run *run = run_pipeline (desc);

  g_free (desc);
  return run;
}

/* run_one_frame_of() a black frame. */
static Run *
run_one_frame (const gchar * drawing, const gchar * detect_props)
{
  return run_one_frame_of ("black", drawing, detect_props);
}

static guint
edit_distance (const gchar * a, const gchar * b)
{
  guint la = strlen (a), lb = strlen (b), i, j;
  guint *row = g_new (guint, lb + 1), result;

  for (j = 0; j <= lb; j++)
    row[j] = j;
  for (i = 1; i <= la; i++) {
    guint diag = row[0];

    row[0] = i;
    for (j = 1; j <= lb; j++) {
      guint up = row[j];

      row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1),
          diag + (a[i - 1] == b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  result = row[lb];
  g_free (row);
  return result;
}

static GstVocrTextMeta *
meta_of (Run * run, guint i)
{
  fail_unless (i < run->buffers->len, "buffer %u of %u", i, run->buffers->len);
  return gst_buffer_get_vocr_text_meta (g_ptr_array_index (run->buffers, i));
}

/* The only line of a sampled buffer's meta. */
static const GstVocrLine *
single_line (Run * run, guint i)
{
  GstVocrTextMeta *meta = meta_of (run, i);

  fail_unless (meta != NULL, "buffer %u has no meta", i);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta), 1);
  return gst_vocr_text_meta_get_line (meta, 0);
}

GST_START_TEST (test_reads_text_in_each_format_and_size)
{
  const gchar *formats[] = { "I420", "YV12", "NV12", "NV21", "Y42B", "Y444",
    "Y41B", "GRAY8", "RGB", "BGR", "BGRx", "RGBA", "xRGB", "ABGR"
  };
  const gchar *sizes[] = { "width=320,height=240", "width=1280,height=720" };
  guint f, s;

  for (s = 0; s < G_N_ELEMENTS (sizes); s++) {
    gchar *caps = g_strdup_printf ("video/x-raw,%s", sizes[s]);

    for (f = 0; f < G_N_ELEMENTS (formats); f++) {
      /* Y41B needs a width that is a multiple of 4: both sizes are */
      Run *run = run_text_pipeline (caps, "text=\"" TEXT "\" "
          "font-desc=\"Sans 24\" valignment=top", formats[f], "", 1);
      const GstVocrLine *line;

      fail_unless (run->error == NULL, "%s", formats[f]);
      fail_unless_equals_int (run->buffers->len, 1);
      line = single_line (run, 0);
      fail_unless (edit_distance (line->text, TEXT) <= 1, "%s %s: read '%s'",
          formats[f], sizes[s], line->text);
      fail_unless_equals_string (line->language, "en-US");
      fail_unless_equals_float (line->angle, 0.0);
      run_free (run);
    }
    g_free (caps);
  }
}

GST_END_TEST;

GST_START_TEST (test_boxes_lie_where_the_text_was_drawn)
{
  const gchar *caps = "video/x-raw,width=640,height=360";
  Run *top = run_text_pipeline (caps, "text=\"" TEXT "\" font-desc=\"Sans 24\""
      " valignment=top halignment=left", "I420", "", 1);
  Run *bottom = run_text_pipeline (caps, "text=\"" TEXT "\" "
      "font-desc=\"Sans 24\" valignment=bottom halignment=right", "I420", "",
      1);
  const GstVocrLine *t = single_line (top, 0), *b = single_line (bottom, 0);
  GList *rois, *l;
  GstVideoRegionOfInterestMeta *roi;
  GstStructure *param;
  GstBuffer *buffer;

  /* textoverlay pads the text by 25 px from the edges it is aligned to */
  fail_unless (t->y < 60 && t->y + t->height < 120, "top at %d+%d", t->y,
      t->height);
  fail_unless (t->x < 60, "left at %d", t->x);
  fail_unless (b->y > 240 && b->y + b->height <= 360, "bottom at %d+%d",
      b->y, b->height);
  fail_unless (b->x + b->width > 580 && b->x + b->width <= 640,
      "right edge at %d", b->x + b->width);
  /* the same text is the same size wherever it is */
  fail_unless (ABS (t->width - b->width) <= 4 && ABS (t->height - b->height)
      <= 4);
  fail_unless (t->height > 12 && t->height < 60 && t->width > 150);

  /* words partition the line */
  fail_unless_equals_int (t->words->len, 4);
  fail_unless (((GstVocrWord *) g_ptr_array_index (t->words, 0))->x == t->x);

  /* the standard ROI meta says the same */
  buffer = g_ptr_array_index (bottom->buffers, 0);
  rois = NULL;
  {
    gpointer state = NULL;
    GstMeta *meta;

    while ((meta = gst_buffer_iterate_meta_filtered (buffer, &state,
                GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE)))
      rois = g_list_append (rois, meta);
  }
  fail_unless_equals_int (g_list_length (rois), 1);
  for (l = rois; l; l = l->next) {
    roi = l->data;
    fail_unless_equals_string (g_quark_to_string (roi->roi_type), "text");
    fail_unless (roi->x == (guint) b->x && roi->y == (guint) b->y
        && roi->w == (guint) b->width && roi->h == (guint) b->height);
    param = gst_video_region_of_interest_meta_get_param (roi, "vocr-line");
    fail_unless (param != NULL);
    fail_unless_equals_string (gst_structure_get_string (param, "text"),
        b->text);
    fail_unless_equals_string (gst_structure_get_string (param, "language"),
        "en-US");
    fail_unless (gst_structure_has_field_typed (param, "confidence",
            G_TYPE_DOUBLE));
    fail_unless (gst_structure_has_field_typed (param, "angle",
            G_TYPE_DOUBLE));
  }
  g_list_free (rois);

  run_free (top);
  run_free (bottom);
}

GST_END_TEST;

/* Checks that exactly the buffers at @expected (PTS in ms) carry meta. */
static void
check_sampled (Run * run, const guint * expected, guint n_expected)
{
  guint i, k = 0;

  for (i = 0; i < run->buffers->len; i++) {
    GstBuffer *buffer = g_ptr_array_index (run->buffers, i);
    GstClockTime pts = GST_BUFFER_PTS (buffer);
    gboolean want = k < n_expected && pts == expected[k] * GST_MSECOND;

    fail_unless_equals_int (gst_buffer_get_vocr_text_meta (buffer) != NULL,
        want);
    /* the standard meta goes with it */
    fail_unless_equals_int (gst_buffer_get_meta (buffer,
            GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE) != NULL, want);
    if (want)
      k++;
  }
  fail_unless_equals_int (k, n_expected);
  fail_unless_equals_int (run->messages->len, n_expected);
}

GST_START_TEST (test_interval_follows_timestamps)
{
  const gchar *overlay = "text=\"" TEXT "\" font-desc=\"Sans 24\"";
  const guint every_500[] = { 0, 500, 1000, 1500 };
  const guint every_1000[] = { 0, 1000 };
  /* at 25 fps the frame nearest each half second: 480 ms is within half a
   * frame of 500 ms */
  const guint at_25fps[] = { 0, 480, 1000, 1480 };
  const guint every_frame[] = { 0, 100, 200, 300, 400 };
  Run *run;

  run = run_text_pipeline ("video/x-raw,width=320,height=240,framerate=30/1",
      overlay, "I420", "", 60);
  fail_unless_equals_int (run->buffers->len, 60);
  check_sampled (run, every_500, G_N_ELEMENTS (every_500));
  run_free (run);

  run = run_text_pipeline ("video/x-raw,width=320,height=240,framerate=30/1",
      overlay, "I420", "interval=1000000000", 60);
  check_sampled (run, every_1000, G_N_ELEMENTS (every_1000));
  run_free (run);

  run = run_text_pipeline ("video/x-raw,width=320,height=240,framerate=25/1",
      overlay, "I420", "", 50);
  check_sampled (run, at_25fps, G_N_ELEMENTS (at_25fps));
  run_free (run);

  run = run_text_pipeline ("video/x-raw,width=320,height=240,framerate=10/1",
      overlay, "GRAY8", "interval=0", 5);
  check_sampled (run, every_frame, G_N_ELEMENTS (every_frame));
  run_free (run);
}

GST_END_TEST;

GST_START_TEST (test_message_fields)
{
  Run *run = run_text_pipeline
      ("video/x-raw,width=640,height=360,framerate=30/1",
      "text=\"" TEXT "\" font-desc=\"Sans 24\"", "NV12", "", 20);
  const GstStructure *s;
  const GValue *lines, *v;
  const GstStructure *ls;
  guint64 ts, st, rt, dur, frame;
  gint x, y, w, h;
  gdouble conf, angle;
  guint i;

  fail_unless_equals_int (run->messages->len, 2);
  for (i = 0; i < 2; i++) {
    GstMessage *msg = g_ptr_array_index (run->messages, i);
    const GstVocrLine *line = single_line (run, i * 15);

    fail_unless (GST_MESSAGE_SRC (msg) != NULL);
    fail_unless (g_str_has_prefix (GST_MESSAGE_SRC_NAME (msg),
            "vocrtextdetect"));
    s = gst_message_get_structure (msg);
    fail_unless (gst_structure_get (s, "timestamp", G_TYPE_UINT64, &ts,
            "stream-time", G_TYPE_UINT64, &st, "running-time", G_TYPE_UINT64,
            &rt, "duration", G_TYPE_UINT64, &dur, "frame", G_TYPE_UINT64,
            &frame, NULL));
    fail_unless_equals_uint64 (ts, i * 500 * GST_MSECOND);
    fail_unless_equals_uint64 (st, ts);
    fail_unless_equals_uint64 (rt, ts);
    fail_unless_equals_uint64 (dur, gst_util_uint64_scale (GST_SECOND, 1,
            30));
    fail_unless_equals_uint64 (frame, i * 15);

    lines = gst_structure_get_value (s, "lines");
    fail_unless (GST_VALUE_HOLDS_LIST (lines));
    fail_unless_equals_int (gst_value_list_get_size (lines), 1);
    v = gst_value_list_get_value (lines, 0);
    fail_unless (GST_VALUE_HOLDS_STRUCTURE (v));
    ls = gst_value_get_structure (v);
    fail_unless (gst_structure_has_name (ls, "vocr-line"));
    fail_unless (gst_structure_get (ls, "x", G_TYPE_INT, &x, "y", G_TYPE_INT,
            &y, "width", G_TYPE_INT, &w, "height", G_TYPE_INT, &h,
            "confidence", G_TYPE_DOUBLE, &conf, "angle", G_TYPE_DOUBLE,
            &angle, NULL));
    /* the message and the meta of the frame agree */
    fail_unless_equals_string (gst_structure_get_string (ls, "text"),
        line->text);
    fail_unless_equals_string (gst_structure_get_string (ls, "language"),
        "en-US");
    fail_unless (x == line->x && y == line->y && w == line->width
        && h == line->height);
    fail_unless (conf > 0.5 && conf <= 1.0);
    fail_unless_equals_float (angle, 0.0);
  }
  run_free (run);

  /* message=false: meta, but no messages */
  run = run_text_pipeline ("video/x-raw,width=320,height=240",
      "text=\"" TEXT "\"", "I420", "message=false", 3);
  fail_unless_equals_int (run->messages->len, 0);
  fail_unless (meta_of (run, 0) != NULL);
  run_free (run);
}

GST_END_TEST;

/* The text changes every frame, so frames can't be confused with each other;
 * the ball moves behind it. Tesseract is unsure of timeoverlay's digits
 * (confidence 0.45-0.65): keep every line, this is about threads. */
static Run *
run_counting_clip (const gchar * threads)
{
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=12 pattern=ball "
      "! video/x-raw,width=320,height=240,framerate=10/1 "
      "! timeoverlay font-desc=\"Sans 20\" valignment=top "
      "! vocrtextdetect interval=0 min-confidence=0 threads=%s "
      "! fakesink name=sink sync=false", threads);
  Run *run = run_pipeline (desc);

  g_free (desc);
  return run;
}

GST_START_TEST (test_threads_give_identical_results_in_order)
{
  Run *one = run_counting_clip ("1"), *four = run_counting_clip ("4");
  guint i, j;

  fail_unless_equals_int (one->buffers->len, 12);
  fail_unless_equals_int (four->buffers->len, 12);
  fail_unless_equals_int (four->messages->len, 12);
  for (i = 0; i < 12; i++) {
    GstBuffer *a = g_ptr_array_index (one->buffers, i);
    GstBuffer *b = g_ptr_array_index (four->buffers, i);
    GstVocrTextMeta *ma = gst_buffer_get_vocr_text_meta (a);
    GstVocrTextMeta *mb = gst_buffer_get_vocr_text_meta (b);
    gchar *clock;

    /* in order, each result on its own frame */
    fail_unless_equals_uint64 (GST_BUFFER_PTS (b), i * 100 * GST_MSECOND);
    fail_unless_equals_uint64 (mb->timestamp, GST_BUFFER_PTS (b));
    fail_unless_equals_int (ma->lines->len, mb->lines->len);
    for (j = 0; j < ma->lines->len; j++) {
      const GstVocrLine *la = gst_vocr_text_meta_get_line (ma, j);
      const GstVocrLine *lb = gst_vocr_text_meta_get_line (mb, j);

      fail_unless_equals_string (la->text, lb->text);
      fail_unless (la->x == lb->x && la->y == lb->y && la->width == lb->width
          && la->height == lb->height);
      fail_unless_equals_float (la->confidence, lb->confidence);
    }
    /* timeoverlay drew this frame's time: 0:00:00.100 for frame 1 */
    clock = g_strdup_printf ("0:00:%02u.%03u", i / 10, (i % 10) * 100);
    fail_unless (ma->lines->len >= 1);
    fail_unless (edit_distance (gst_vocr_text_meta_get_line (ma, 0)->text,
            clock) <= 1, "frame %u read '%s', drawn '%s'", i,
        gst_vocr_text_meta_get_line (ma, 0)->text, clock);
    g_free (clock);
  }
  run_free (one);
  run_free (four);
}

GST_END_TEST;

GST_START_TEST (test_frames_without_text_have_empty_meta)
{
  /* a moving ball over black: shapes, not text */
  Run *run = run_pipeline ("videotestsrc num-buffers=4 pattern=ball "
      "! video/x-raw,width=320,height=240,framerate=10/1 "
      "! vocrtextdetect interval=0 ! fakesink name=sink");
  guint i;

  fail_unless_equals_int (run->messages->len, 4);
  for (i = 0; i < 4; i++) {
    const GstStructure *s =
        gst_message_get_structure (g_ptr_array_index (run->messages, i));

    fail_unless (meta_of (run, i) != NULL);
    fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta_of (run,
                i)), 0);
    fail_unless_equals_int (gst_value_list_get_size (gst_structure_get_value
            (s, "lines")), 0);
  }
  run_free (run);
}

GST_END_TEST;

GST_START_TEST (test_roi_reads_only_the_region)
{
  Run *run = run_pipeline ("videotestsrc num-buffers=1 pattern=black "
      "! video/x-raw,width=640,height=360 "
      "! textoverlay text=\"Upper words here\" valignment=top "
      "! textoverlay text=\"Lower line there\" valignment=bottom "
      "! vocrtextdetect roi=\"0,0,640,120\" ! fakesink name=sink");
  const GstVocrLine *line = single_line (run, 0);

  fail_unless (edit_distance (line->text, "Upper words here") <= 1, "%s",
      line->text);
  fail_unless (line->y < 120);
  run_free (run);
}

GST_END_TEST;

/* Subtitles: light letters in a dark outline (textoverlay's default look)
 * over a mid-tone picture with fine texture. Tesseract's own threshold
 * falls between the outline and the picture and reads the outlines
 * ("Backspace,adroit'shelves-cradles"); the element reads the letters. */
GST_START_TEST (test_reads_outlined_text_over_texture)
{
  Run *run = run_pipeline ("videotestsrc num-buffers=1 pattern=snow "
      "! video/x-raw,width=160,height=90 ! videoscale method=bilinear "
      "! video/x-raw,width=640,height=360 ! videobalance contrast=0.5 "
      "! textoverlay text=\"Backspace adroit shelves cradles\" "
      "font-desc=\"Sans 14\" valignment=bottom "
      "! vocrtextdetect ! fakesink name=sink");
  const GstVocrLine *line = single_line (run, 0);

  fail_unless_equals_string (line->text, "Backspace adroit shelves cradles");
  /* textoverlay draws 25 px above the bottom */
  fail_unless (line->y > 300 && line->y + line->height <= 340, "y %d h %d",
      line->y, line->height);
  run_free (run);
}

GST_END_TEST;

/* Text turned a quarter, either way: read, with its direction as the
 * angle (clockwise, as Video Indexer has it) and its box upright. */
GST_START_TEST (test_reads_vertical_text_with_its_angle)
{
  const struct
  {
    const gchar *direction;
    gdouble angle;
  } turns[] = { {"90r", 90.0}, {"90l", -90.0} };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (turns); i++) {
    gchar *drawing = g_strdup_printf ("textoverlay "
        "text=\"Disabling condoning\" font-desc=\"Sans 16\" "
        "! videoflip video-direction=%s", turns[i].direction);
    Run *run = run_one_frame (drawing, "");
    const GstVocrLine *line = single_line (run, 0);

    fail_unless_equals_string (line->text, "Disabling condoning");
    fail_unless_equals_float (line->angle, turns[i].angle);
    fail_unless (line->height > 5 * line->width, "%dx%d", line->width,
        line->height);
    /* the text was at the bottom: turned clockwise it is on the left */
    if (turns[i].angle > 0)
      fail_unless (line->x < 60, "x %d", line->x);
    else
      fail_unless (line->x > 300, "x %d", line->x);
    run_free (run);
    g_free (drawing);
  }
}

GST_END_TEST;

/* A sign filmed at an angle: read level, its angle reported (clockwise
 * positive: text rising to the right is at a negative angle) and its box
 * around the turned line. */
GST_START_TEST (test_reads_turned_text_with_its_angle)
{
  const gdouble radians[] = { 0.25, -0.25 };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (radians); i++) {
    gchar *drawing = g_strdup_printf ("textoverlay "
        "text=\"CAUTION WET FLOOR\" font-desc=\"Sans Bold 24\" "
        "valignment=center halignment=center ! videoconvert "
        "! rotate angle=%g ! videoconvert", radians[i]);
    Run *run = run_one_frame (drawing, "");
    const GstVocrLine *line = single_line (run, 0);
    gdouble degrees = -radians[i] * 180.0 / G_PI;

    fail_unless_equals_string (line->text, "CAUTION WET FLOOR");
    fail_unless (fabs (line->angle - degrees) < 2.0, "angle %g, turned %g",
        line->angle, degrees);
    /* the turned line spans about 330 x 110 pixels around the centre */
    fail_unless (line->width > 300 && line->width < 360 && line->height > 90
        && line->height < 130, "%dx%d", line->width, line->height);
    fail_unless (abs (line->x + line->width / 2 - 320) < 15
        && abs (line->y + line->height / 2 - 180) < 15, "at %d,%d",
        line->x, line->y);
    run_free (run);
    g_free (drawing);
  }
}

GST_END_TEST;

/* A sign in front of a building: its windows are solid squares, more of
 * them than the sign has letters, on the panel's side of the threshold.
 * They are not glyphs, turned or not: the letters are the ink. */
GST_START_TEST (test_sign_in_front_of_windows)
{
  GString *windows = g_string_new (NULL);
  gchar *drawing;
  Run *run;
  guint i;

  for (i = 0; i < 8; i++)
    g_string_append (windows, i ? "\n■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■" :
        "■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■");
  drawing = g_strdup_printf ("textoverlay text=\"%s\" "
      "font-desc=\"Sans 20\" color=0xff606060 draw-outline=false "
      "draw-shadow=false valignment=center ! textoverlay "
      "text=\"Mumps Garage\" font-desc=\"Sans Bold 28\" "
      "shaded-background=true shading-value=200 valignment=center "
      "! videoconvert ! rotate angle=0.25 ! videoconvert", windows->str);
  run = run_one_frame_of ("white", drawing, "");
  fail_unless_equals_string (single_line (run, 0)->text, "Mumps Garage");
  run_free (run);
  g_free (drawing);
  g_string_free (windows, TRUE);
}

GST_END_TEST;

/* @top over "Emergency exit" */
static Run *
run_over_english (const gchar * top, const gchar * detect_props)
{
  gchar *drawing = g_strdup_printf ("textoverlay text=\"%s\" "
      "font-desc=\"Sans 20\" valignment=top ! textoverlay "
      "text=\"Emergency exit\" font-desc=\"Sans 20\" valignment=bottom",
      top);
  Run *run = run_one_frame (drawing, detect_props);

  g_free (drawing);
  return run;
}

/* @top over "Emergency exit", read with @detect_props: the top line is
 * read within @tolerance edits and its language is @language, the bottom
 * one is English. */
static void
check_languages (const gchar * top, const gchar * detect_props,
    guint tolerance, const gchar * language)
{
  Run *run = run_over_english (top, detect_props);
  GstVocrTextMeta *meta = meta_of (run, 0);
  const GstVocrLine *top_line, *english;

  fail_unless (meta != NULL);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta), 2);
  top_line = gst_vocr_text_meta_get_line (meta, 0);
  english = gst_vocr_text_meta_get_line (meta, 1);
  fail_unless (edit_distance (top_line->text, top) <= tolerance, "%s",
      top_line->text);
  fail_unless_equals_string (top_line->language, language);
  fail_unless_equals_string (english->text, "Emergency exit");
  fail_unless_equals_string (english->language, "en-US");
  run_free (run);
}

/* Each line gets the language most of its characters were read in; in a
 * Russian line, a word Tesseract read in Latin lookalikes ("Ha" for "на")
 * is written in Cyrillic. */
GST_START_TEST (test_language_of_each_line)
{
  check_languages ("Осторожно, двери закрываются", "languages=eng+rus", 2,
      "ru-RU");
  check_languages ("Сервис на месте", "languages=eng+rus", 0, "ru-RU");
}

GST_END_TEST;

/* @top over "Emergency exit" with other-scripts=false: only the
 * languages, the default eng, read, and every line is English. */
static void
check_only_english (const gchar * top)
{
  Run *run = run_over_english (top, "other-scripts=false");
  GstVocrTextMeta *meta = meta_of (run, 0);
  guint i;

  fail_unless (meta != NULL);
  fail_unless (gst_vocr_text_meta_get_n_lines (meta) > 0);
  for (i = 0; i < gst_vocr_text_meta_get_n_lines (meta); i++)
    fail_unless_equals_string (gst_vocr_text_meta_get_line (meta,
            i)->language, "en-US");
  run_free (run);
}

/* English and German are both read by eng's model when it comes first;
 * the German line gets German by its words, or the parts of its compound
 * words, being in deu's dictionary as words of the language, not names. */
GST_START_TEST (test_latin_languages_told_apart)
{
  check_languages ("Bitte nicht rauchen", "languages=eng+deu", 0, "de-DE");
  /* read with the language that knows the words, with its letters
   * (English reads "Backerei geoffnet") */
  check_languages ("Bäckerei geöffnet", "languages=eng+deu", 0, "de-DE");
  /* compounds neither dictionary holds, but deu's holds their parts */
  check_languages ("Wachsfiguren bitterkalte", "languages=eng+deu", 0,
      "de-DE");
  /* words English knows only as names, German as its words */
  check_languages ("Guten Morgen", "languages=eng+deu", 0, "de-DE");
  /* ...while a name in an English line leaves it English */
  check_languages ("Welcome to Berlin", "languages=eng+deu", 0, "en-US");
  /* the signs around words do not hide them ("Baustelle!") */
  check_languages ("Achtung, Baustelle!", "languages=eng+deu", 0, "de-DE");
}

GST_END_TEST;

/* With the default languages=eng, a line whose words the dictionary of an
 * installed Latin-script language knows a word more of than English's is
 * read in that language (the suite's setup installs tesseract-ocr-deu and
 * -fra); a name more does not make an English line German ("Berlin" is a
 * German noun, an English name). */
GST_START_TEST (test_installed_latin_languages_are_read)
{
  check_languages ("Bitte nicht rauchen", "", 0, "de-DE");
  check_languages ("Heute geschlossen", "", 0, "de-DE");
  check_languages ("Welcome to Berlin", "", 0, "en-US");
  check_languages ("Hotel Berlin", "", 0, "en-US");
  /* English reads these without their umlauts, words of no language then:
   * German knows them but for the accents, and reads them with theirs */
  check_languages ("Öffnungszeiten", "", 0, "de-DE");
  check_languages ("Frühstück", "", 0, "de-DE");

  /* told not to, only English is read */
  check_only_english ("Bitte nicht rauchen");
}

GST_END_TEST;

/* A page set tightly, as a scan's: the glyphs of the lines above and
 * below reach into the margin a line is read alone with; read as its own
 * letters, they split the German line's words ("s c h nel 1e"), which no
 * dictionary knows then, and it stayed English. */
GST_START_TEST (test_tightly_set_lines_are_read_alone_cleanly)
{
  Run *run = run_one_frame_of ("white", "textoverlay text=\""
      "<span line_height='0.7'>from the quick brown fox is spam.\n"
      "Der „schnelle” braune Fuchs springt\n"
      "über den faulen Hund. Le renard</span>\" font-desc=\"Serif 12\" "
      "color=0xff000000 shaded-background=false draw-outline=false "
      "draw-shadow=false halignment=left line-alignment=left", "");
  GstVocrTextMeta *meta = meta_of (run, 0);
  const gchar *texts[] = { "from the quick brown fox is spam.",
    "Der „schnelle” braune Fuchs springt", "über den faulen Hund. Le renard"
  };
  const gchar *languages[] = { "en-US", "de-DE", "de-DE" };
  guint i;

  fail_unless (meta != NULL);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta), 3);
  for (i = 0; i < 3; i++) {
    const GstVocrLine *line = gst_vocr_text_meta_get_line (meta, i);

    fail_unless (edit_distance (line->text, texts[i]) <= 1, "%s", line->text);
    fail_unless_equals_string (line->language, languages[i]);
  }
  run_free (run);
}

GST_END_TEST;

/* With the default languages=eng, a line in a script English does not
 * write is read with that script's installed model: Russian and Arabic,
 * which eng reads as Latin letters, and Chinese and Hindi, which eng does
 * not even take for text (the suite's setup installs their models and
 * fonts). */
GST_START_TEST (test_other_scripts_are_read)
{
  check_languages ("Осторожно, двери закрываются", "", 2, "ru-RU");
  check_languages ("مخرج الطوارئ", "", 0, "ar-SA");
  check_languages ("欢迎光临", "", 0, "zh-Hans");
  /* each word one shape, its letters joined by their headline: no glyphs
   * to the ink preparation, no text to eng's layout analysis */
  check_languages ("आपातकालीन निकास", "", 0, "hi-IN");

  /* told not to, only English is read */
  check_only_english ("Осторожно, двери закрываются");
}

GST_END_TEST;

/* A file list in a small monospaced font: Tesseract's model splits some
 * names at the dot ("swirled. py") where its layout found one word, and
 * gives the pieces, and their line, no confidence at all, however sure of
 * their letters: the line was dropped as unsure. The pieces are joined,
 * and the line is as sure as its letters. Pieces split elsewhere are
 * not. */
GST_START_TEST (test_names_split_at_the_dot_are_joined)
{
  Run *run = run_one_frame ("textoverlay text=\"threaten.js\nnonusers.py\n"
      "sojourning.json\nheadiest.yaml\nswirled.py\nconfer.py\" "
      "font-desc=\"DejaVu Sans Mono 9\" halignment=left valignment=top ! "
      "videoconvert", "");
  GstVocrTextMeta *meta = meta_of (run, 0);
  gboolean found = FALSE;
  guint i;

  fail_unless (meta != NULL);
  for (i = 0; i < gst_vocr_text_meta_get_n_lines (meta); i++) {
    const GstVocrLine *line = gst_vocr_text_meta_get_line (meta, i);

    fail_if (strstr (line->text, ". ") || strstr (line->text, " ."), "%s",
        line->text);
    if (strcmp (line->text, "swirled.py") == 0) {
      found = TRUE;
      fail_unless_equals_int (line->words->len, 1);
      fail_unless (line->confidence > 0.9, "%f", line->confidence);
    }
  }
  fail_unless (found);
  run_free (run);

  /* pieces boxed one in the other but not split at a dot are not joined:
   * eng reads this Chinese line as "AL" "RAR", each letter sure, and
   * joined as sure they kept chi_sim's reading out */
  run = run_one_frame ("textoverlay text=\"生日快乐\" font-desc=\"Sans 24\"",
      "");
  fail_unless_equals_string (single_line (run, 0)->language, "zh-Hans");
  run_free (run);
}

GST_END_TEST;

/* One short line of another script, alone, in a size where eng reads it
 * as Latin letters that its dictionary holds ("Bll ial" for "营业时间",
 * "pol yuabdl Jb" for the Arabic): the line is still read by the other
 * scripts' models, and a Chinese reading of four characters beats eng's
 * seven letters. Large glyphs are read in the ink too. */
static void
check_short_line (const gchar * text, const gchar * font,
    const gchar * language)
{
  gchar *drawing = g_strdup_printf ("textoverlay text=\"%s\" "
      "font-desc=\"%s\"", text, font);
  Run *run = run_one_frame (drawing, "");
  const GstVocrLine *line = single_line (run, 0);

  fail_unless (edit_distance (line->text, text) <= 1, "%s", line->text);
  fail_unless_equals_string (line->language, language);
  run_free (run);
  g_free (drawing);
}

GST_START_TEST (test_short_lines_of_other_scripts_are_read)
{
  check_short_line ("营业时间", "Sans 28", "zh-Hans");
  check_short_line ("حالة الطقس اليوم", "Sans 28", "ar-SA");
  /* large: chi_sim reads it in the gray unsurely (0.33), in the ink
   * surely */
  check_short_line ("营业时间", "Sans 44", "zh-Hans");
}

GST_END_TEST;

/* A code editor's file list: Tesseract reads some of its lines in German
 * (deu's dictionary knows "Terminal", neither knows "buxom.js"); where the
 * dictionaries cannot tell, the first language listed is taken. */
GST_START_TEST (test_first_language_takes_what_no_dictionary_tells)
{
  Run *run = run_one_frame ("textoverlay text=\"View Go Run Terminal Help\n"
      "parry.txt\nimpishly.md\nconfer.py\nbuxom.js\n"
      "print('rumba doweling')\" font-desc=\"Sans 12\" valignment=top "
      "halignment=left line-alignment=left", "languages=eng+deu");
  GstVocrTextMeta *meta = meta_of (run, 0);
  guint i;

  fail_unless (meta != NULL);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta), 6);
  for (i = 0; i < 6; i++) {
    const GstVocrLine *line = gst_vocr_text_meta_get_line (meta, i);

    fail_unless (g_strcmp0 (line->language, "en-US") == 0, "%s: %s",
        line->text, line->language);
  }
  run_free (run);
}

GST_END_TEST;

/* A red stop sign, turned a little either way: the model reads "sTOP" and
 * "STOp" (small letters drawn like their capitals); a word of capitals
 * keeps them capitals, in the line and in its word. */
GST_START_TEST (test_capitals_are_read_as_capitals)
{
  const gchar *angles[] = { "0.14", "-0.14" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (angles); i++) {
    gchar *drawing = g_strdup_printf ("textoverlay text=STOP "
        "font-desc=\"Sans Bold 36\" ! videoconvert ! rotate angle=%s "
        "! videoconvert", angles[i]);
    Run *run = run_one_frame_of ("solid-color foreground-color=0xffc01010",
        drawing, "");
    const GstVocrLine *line = single_line (run, 0);

    fail_unless_equals_string (line->text, "STOP");
    fail_unless_equals_string (gst_vocr_line_get_word (line, 0)->text,
        "STOP");
    run_free (run);
    g_free (drawing);
  }
}

GST_END_TEST;

/* Two columns' texts side by side on one row (a code editor's file list
 * and its code, a status bar's items), read from the whole frame:
 * Tesseract joins them into one line, which the wide gap splits again. */
GST_START_TEST (test_columns_are_lines_of_their_own)
{
  Run *run = run_one_frame ("textoverlay text=EXPLORER font-desc=\"Sans 14\" "
      "valignment=top halignment=left ! textoverlay text=\"import falsify\" "
      "font-desc=\"Sans 14\" valignment=top halignment=right",
      "change-threshold=0");
  GstVocrTextMeta *meta = meta_of (run, 0);
  const GstVocrLine *left, *right;

  fail_unless (meta != NULL);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta), 2);
  left = gst_vocr_text_meta_get_line (meta, 0);
  right = gst_vocr_text_meta_get_line (meta, 1);
  fail_unless_equals_string (left->text, "EXPLORER");
  fail_unless_equals_string (right->text, "import falsify");
  /* each boxed alone, and sure as its own words */
  fail_unless (left->x + left->width < 320, "%d", left->x + left->width);
  fail_unless (right->x > 320, "%d", right->x);
  fail_unless (left->confidence > 0.9 && right->confidence > 0.9);
  run_free (run);

  /* a status bar's items, three heights apart (its position changes, its
   * encoding stays: one line would be a new text at every move) */
  run = run_one_frame ("textoverlay text=\"Ln 137, Col 69            "
      "UTF-8 LF Python\" font-desc=\"Sans 12\"", "change-threshold=0");
  meta = meta_of (run, 0);
  fail_unless (meta != NULL);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta), 2);
  fail_unless_equals_string (gst_vocr_text_meta_get_line (meta, 0)->text,
      "Ln 137, Col 69");
  fail_unless_equals_string (gst_vocr_text_meta_get_line (meta, 1)->text,
      "UTF-8 LF Python");
  run_free (run);
}

GST_END_TEST;

/* "安全第一" drawn by @drawing is read as one Chinese line, with Chinese
 * listed and with only English (the other scripts' models). */
static void
check_chinese_read (const gchar * drawing)
{
  const gchar *props[] = { "languages=eng+chi_sim", "" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (props); i++) {
    Run *run = run_one_frame (drawing, props[i]);
    const GstVocrLine *line = single_line (run, 0);

    fail_unless_equals_string (line->text, "安全第一");
    fail_unless_equals_string (line->language, "zh-Hans");
    run_free (run);
  }
}

/* Four Chinese glyphs in which Tesseract's layout analysis finds no text
 * are read all the same: read as one block with the languages when Chinese
 * is listed, with the other scripts' models when only English is. */
GST_START_TEST (test_glyphs_the_layout_misses_are_read)
{
  check_chinese_read ("textoverlay text=\"安全第一\" font-desc=\"Sans 24\"");
}

GST_END_TEST;

/* In Sans 28, the change detector takes the "一" ending "安全第一" (one
 * flat stroke) for no text, its region ends before it and Tesseract then
 * loses "安" too ("全第"); the region is read again, wider. */
GST_START_TEST (test_glyph_lines_cut_by_their_region_are_read)
{
  check_chinese_read ("textoverlay text=\"安全第一\" font-desc=\"Sans 28\" "
      "valignment=top");
}

GST_END_TEST;

/* Live, other scripts' models and other Latin-script languages' are not
 * loaded during a sample's reading (the frame would wait for them): a
 * second engine is loaded with them on the side, and the later samples
 * read the Russian line, and the German one as German. */
GST_START_TEST (test_live_reads_other_scripts_once_loaded)
{
  Run *run = run_pipeline ("videotestsrc is-live=true num-buffers=200 "
      "pattern=black ! video/x-raw,width=640,height=360,framerate=25/1 "
      "! textoverlay text=\"Осторожно, двери закрываются\" "
      "font-desc=\"Sans 20\" valignment=top ! textoverlay "
      "text=\"Bitte nicht rauchen\" font-desc=\"Sans 20\" "
      "valignment=bottom ! vocrtextdetect threads=1 max-ocr-time=0 "
      "change-threshold=0 ! fakesink name=sink sync=true");
  guint i, l, russian = 0, german = 0;

  for (i = 0; i < run->buffers->len; i++) {
    GstVocrTextMeta *meta = meta_of (run, i);

    for (l = 0; meta && l < gst_vocr_text_meta_get_n_lines (meta); l++) {
      const GstVocrLine *line = gst_vocr_text_meta_get_line (meta, l);

      if (g_strcmp0 (line->language, "ru-RU") == 0) {
        fail_unless (edit_distance (line->text,
                "Осторожно, двери закрываются") <= 2, "%s", line->text);
        russian++;
      } else if (g_strcmp0 (line->language, "de-DE") == 0) {
        fail_unless_equals_string (line->text, "Bitte nicht rauchen");
        german++;
      }
    }
  }
  fail_unless (russian > 0);
  fail_unless (german > 0);
  run_free (run);
}

GST_END_TEST;

/* A code editor's status bar: light letters on a band of colour between
 * darker areas. One threshold parts the dark areas from the band and its
 * letters, which then make no glyphs on either side, and Tesseract,
 * binarising the gray region so too, read nothing; the band's own
 * threshold parts the letters from it. */
GST_START_TEST (test_light_letters_on_a_band_between_darker_areas)
{
  Run *run = run_pipeline ("videotestsrc num-buffers=1 pattern=solid-color "
      "foreground-color=0xff373737 ! video/x-raw,width=640,height=360 "
      "! comp.sink_0 videotestsrc num-buffers=1 pattern=solid-color "
      "foreground-color=0xff1e1e1e ! video/x-raw,width=600,height=310 "
      "! comp.sink_1 videotestsrc num-buffers=1 pattern=solid-color "
      "foreground-color=0xff0078d7 ! video/x-raw,width=600,height=24 "
      "! textoverlay text=\"Ln 37, Col 57    UTF-8 LF Python\" "
      "font-desc=\"Sans 12\" halignment=right valignment=center "
      "draw-shadow=false draw-outline=false ! comp.sink_2 "
      "compositor name=comp sink_1::xpos=20 sink_1::ypos=10 "
      "sink_2::xpos=20 sink_2::ypos=320 ! videoconvert "
      "! video/x-raw,format=I420 "
      "! vocrtextdetect max-ocr-time=0 roi=300,312,340,40 "
      "! fakesink name=sink");
  const GstVocrLine *line = single_line (run, 0);

  fail_unless (g_str_has_prefix (line->text, "Ln 37"), "%s", line->text);
  fail_unless (g_str_has_suffix (line->text, "Python"), "%s", line->text);
  run_free (run);
}

GST_END_TEST;

/* A list item: the bullet is not text ("* Forklifts" before), the full
 * stops are. */
GST_START_TEST (test_bullets_are_not_read)
{
  Run *run = run_one_frame ("textoverlay "
      "text=\"• Forklifts fuchsia racehorse. 66.1\" font-desc=\"Sans 28\"",
      "");
  const GstVocrLine *line = single_line (run, 0);

  fail_unless_equals_string (line->text, "Forklifts fuchsia racehorse. 66.1");
  run_free (run);
}

GST_END_TEST;

/* A full stop as large as a bullet (a third of the letters' height: a
 * bold font's, blurred by the encoder, "6.5" of the benchmark read "6 5")
 * sits on the baseline, and is read, level or turned a quarter. */
GST_START_TEST (test_large_full_stops_are_read)
{
  const gchar *flips[] = { "", "! videoflip video-direction=90r" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (flips); i++) {
    gchar *drawing = g_strdup_printf ("textoverlay "
        "text=\"Price 6<span size='x-large'>.</span>5 today\" "
        "font-desc=\"Sans Bold 16\" %s", flips[i]);
    Run *run = run_one_frame (drawing, "");

    fail_unless_equals_string (single_line (run, 0)->text, "Price 6.5 today");
    run_free (run);
    g_free (drawing);
  }
}

GST_END_TEST;

/* Whether a line of the meta of @run's buffer @i reads @text. */
static gboolean
has_line (Run * run, guint i, const gchar * text)
{
  GstVocrTextMeta *meta = meta_of (run, i);
  guint l;

  fail_unless (meta != NULL, "buffer %u has no meta", i);
  for (l = 0; l < gst_vocr_text_meta_get_n_lines (meta); l++)
    if (g_strcmp0 (gst_vocr_text_meta_get_line (meta, l)->text, text) == 0)
      return TRUE;
  return FALSE;
}

/* Signs, turned, over a busy picture that fills the frame: reading the
 * whole frame, Tesseract's layout analysis takes the picture's shapes for
 * text and misses the signs; the rows of glyph-like shapes it missed are
 * read alone. */
GST_START_TEST (test_signs_over_a_busy_picture)
{
  const gchar *patterns[] = { "pinwheel", "circular" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (patterns); i++) {
    Run *run = run_one_frame_of (patterns[i], "textoverlay "
        "text=\"Mumps Garage\" font-desc=\"Serif Bold 20\" "
        "shaded-background=true shading-value=160 valignment=top "
        "halignment=left deltax=40 deltay=30 ! textoverlay "
        "text=\"Exit 12\" font-desc=\"Sans Bold 20\" "
        "shaded-background=true shading-value=160 valignment=bottom "
        "halignment=right deltax=-40 deltay=-30 ! videoconvert "
        "! rotate angle=0.15 ! videoconvert", "");

    fail_unless (has_line (run, 0, "Mumps Garage"), "%s", patterns[i]);
    fail_unless (has_line (run, 0, "Exit 12"), "%s", patterns[i]);
    run_free (run);
  }
}

GST_END_TEST;

/* One 1280x720 frame of black @text in @font on white, turned @radians
 * clockwise about the centre, read with @detect_props. */
static Run *
run_large_text (const gchar * text, const gchar * font, gdouble radians,
    const gchar * detect_props)
{
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=1 pattern=white "
      "! video/x-raw,width=1280,height=720 ! textoverlay text=\"%s\" "
      "font-desc=\"%s\" color=0xff000000 valignment=center "
      "halignment=center draw-outline=false "
      "draw-shadow=false ! videoconvert ! rotate angle=%g ! videoconvert "
      "! vocrtextdetect max-ocr-time=0 %s ! fakesink name=sink", text, font,
      radians, detect_props);
  Run *run = run_pipeline (desc);

  g_free (desc);
  return run;
}

/* A licence plate's characters, 70 to 130 pixels high: Tesseract's layout
 * analysis of the region read a part ("520", "320"), nothing, or misread
 * them ("МВК" for "MRK", a Cyrillic reading taken by the other scripts).
 * Found as a row of large shapes, the row is read as one line. */
GST_START_TEST (test_large_characters_are_read_as_a_row)
{
  const gchar *fonts[] = { "DejaVu Sans Bold 72", "DejaVu Sans Mono Bold 100",
    "DejaVu Serif Bold 64", "DejaVu Sans 80"
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (fonts); i++) {
    Run *run = run_large_text ("520 MRK", fonts[i], 0.0, "");
    const GstVocrLine *line = single_line (run, 0);

    fail_unless_equals_string (line->text, "520 MRK");
    fail_unless_equals_string (line->language, "en-US");
    /* textoverlay centres the text */
    fail_unless (line->x < 640 && line->x + line->width > 640
        && line->y < 360 && line->y + line->height > 360,
        "%s: %d,%d %dx%d", fonts[i], line->x, line->y, line->width,
        line->height);
    fail_unless (line->height >= 60, "%s: %d", fonts[i], line->height);
    run_free (run);
  }
}

GST_END_TEST;

/* A plate filmed at an angle: a row of a few large glyphs, too few for
 * Leptonica's skew search to be sure of its angle (it reports no
 * confidence), is levelled by its glyphs' middles, read, and its angle
 * reported (clockwise positive). Unlevelled, the rows read "3684", "NB"
 * or "w 3684 ne". */
GST_START_TEST (test_turned_large_characters_are_levelled)
{
  const gchar *fonts[] = { "DejaVu Sans Mono Bold 60", "DejaVu Sans Bold 72" };
  const gdouble radians[] = { 0.23, -0.2 };
  guint f, r;

  for (f = 0; f < G_N_ELEMENTS (fonts); f++) {
    for (r = 0; r < G_N_ELEMENTS (radians); r++) {
      Run *run = run_large_text ("W 8684 NB", fonts[f], radians[r], "");
      const GstVocrLine *line = single_line (run, 0);
      gdouble degrees = -radians[r] * 180.0 / G_PI;

      fail_unless_equals_string (line->text, "W 8684 NB");
      fail_unless (fabs (line->angle - degrees) < 2.0,
          "%s: angle %g, turned %g", fonts[f], line->angle, degrees);
      run_free (run);
    }
  }
}

GST_END_TEST;

/* The rows of large characters are looked for in the region of interest
 * only. */
GST_START_TEST (test_large_characters_outside_the_roi_are_not_read)
{
  Run *run = run_large_text ("520 MRK", "DejaVu Sans Bold 72", 0.0,
      "roi=0,0,1280,200");
  GstVocrTextMeta *meta = meta_of (run, 0);

  fail_unless (meta == NULL || gst_vocr_text_meta_get_n_lines (meta) == 0);
  run_free (run);
}

GST_END_TEST;

/* Text running past the frame's edge, as a ticker's does: the words the
 * edge cuts are not words of the text ("pr" of "protrudes", "rbour" of
 * "Harbour"), the rest of the line is; a line ending 25 px from the edge
 * keeps its last word. */
GST_START_TEST (test_words_cut_by_the_frame_edge_are_dropped)
{
  const gchar *drawings[][2] = {
    {"text=\"Score tonight delivery protrudes\" halignment=right deltax=130",
        "Score tonight delivery"},
    {"text=\"Harbour lights tonight\" halignment=left deltax=-70",
        "lights tonight"},
    {"text=\"Gate closes at 7\" halignment=right", "Gate closes at 7"},
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (drawings); i++) {
    gchar *drawing = g_strdup_printf ("textoverlay %s font-desc=\"Sans 24\" "
        "wrap-mode=-1", drawings[i][0]);
    Run *run = run_one_frame (drawing, "");

    fail_unless_equals_string (single_line (run, 0)->text, drawings[i][1]);
    run_free (run);
    g_free (drawing);
  }
}

GST_END_TEST;

/* A line mixing right-to-left and left-to-right text: Tesseract wraps the
 * runs in directional marks (U+200E, U+200F), which the element removes. */
GST_START_TEST (test_mixed_direction_line_has_no_direction_marks)
{
  Run *run = run_one_frame ("textoverlay text=\"Exit 12 مخرج الطوارئ\" "
      "font-desc=\"DejaVu Sans 24\"", "languages=eng+ara");
  const GstVocrLine *line = single_line (run, 0);

  fail_unless (strstr (line->text, "Exit") != NULL, "%s", line->text);
  fail_unless (strstr (line->text, "مخرج الطوارئ") != NULL, "%s", line->text);
  fail_if (strstr (line->text, "\u200e") || strstr (line->text, "\u200f"),
      "%s", line->text);
  run_free (run);
}

GST_END_TEST;

static void
check_error (Run * run, GQuark domain, gint code, const gchar ** needles)
{
  GError *error = NULL;

  fail_unless (run->error != NULL, "no error");
  gst_message_parse_error (run->error, &error, NULL);
  fail_unless (g_error_matches (error, domain, code), "%s (%s %d)",
      error->message, g_quark_to_string (error->domain), error->code);
  for (; *needles; needles++) {
    fail_unless (strstr (error->message, *needles) != NULL,
        "'%s' not in '%s'", *needles, error->message);
  }
  fail_unless (g_str_has_prefix (GST_MESSAGE_SRC_NAME (run->error),
          "vocrtextdetect"), "error from %s", GST_MESSAGE_SRC_NAME (run->error));
  g_error_free (error);
}

GST_START_TEST (test_missing_language_is_a_clear_error)
{
  gchar *dir = g_dir_make_tmp ("vocr-tessdata-XXXXXX", NULL);
  gchar *desc;
  Run *run;
  const gchar *default_needles[] = { "xyz.traineddata",
    "tesseract-ocr-xyz", "installed: ", "eng", NULL
  };
  const gchar *dir_needles[] = { "deu.traineddata", "installed: none",
    "apt install tesseract-ocr-deu", NULL
  };

  run = run_pipeline ("videotestsrc num-buffers=1 ! vocrtextdetect "
      "languages=eng+xyz ! fakesink");
  check_error (run, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND,
      default_needles);
  run_free (run);

  desc = g_strdup_printf ("videotestsrc num-buffers=1 ! vocrtextdetect "
      "languages=deu tessdata-dir=%s ! fakesink", dir);
  run = run_pipeline (desc);
  check_error (run, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND,
      dir_needles);
  run_free (run);
  g_free (desc);

  g_rmdir (dir);
  desc = g_strdup_printf ("videotestsrc num-buffers=1 ! vocrtextdetect "
      "tessdata-dir=%s ! fakesink", dir);
  run = run_pipeline (desc);
  {
    const gchar *needles[] = { dir, "tessdata-dir", NULL };

    check_error (run, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_OPEN_READ,
        needles);
  }
  run_free (run);
  g_free (desc);
  g_free (dir);
}

GST_END_TEST;

/* A model file that is there but is not one is found when the engines load,
 * while the stream starts: an error on the bus, and no hang of the samples
 * waiting for a reading. */
GST_START_TEST (test_unloadable_model_is_an_error)
{
  gchar *dir = g_dir_make_tmp ("vocr-tessdata-XXXXXX", NULL);
  gchar *model = g_build_filename (dir, "fra.traineddata", NULL);
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=30 "
      "! vocrtextdetect languages=fra tessdata-dir=%s interval=0 "
      "! fakesink", dir);
  const gchar *needles[] = { "fra", dir, "corrupt", NULL };
  GstElement *pipeline;
  GstMessage *msg;
  Run *run;


  fail_unless (g_file_set_contents (model, "not a model", -1, NULL));
  run = run_pipeline (desc);
  check_error (run, GST_LIBRARY_ERROR, GST_LIBRARY_ERROR_INIT, needles);
  run_free (run);

  /* said once, not by each of the workers that failed alike */
  g_free (desc);
  desc = g_strdup_printf ("videotestsrc is-live=true ! vocrtextdetect "
      "languages=fra tessdata-dir=%s threads=2 ! fakesink", dir);
  pipeline = gst_parse_launch (desc, NULL);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline),
      30 * GST_SECOND, GST_MESSAGE_ERROR);
  fail_unless (msg != NULL);
  gst_message_unref (msg);
  g_usleep (G_USEC_PER_SEC / 2);
  msg = gst_bus_pop_filtered (GST_ELEMENT_BUS (pipeline), GST_MESSAGE_ERROR);
  fail_unless (msg == NULL, "a second error");
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (pipeline);
  g_unlink (model);
  g_rmdir (dir);
  g_free (model);
  g_free (desc);
  g_free (dir);
}

GST_END_TEST;

GST_START_TEST (test_invalid_settings_are_errors)
{
  const gchar *lang_needles[] = { "eng+", "joined by '+'", NULL };
  const gchar *roi_needles[] = { "10,20,30", "x,y,width,height", NULL };
  Run *run;

  run = run_pipeline ("videotestsrc num-buffers=1 ! vocrtextdetect "
      "languages=eng+ ! fakesink");
  check_error (run, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_SETTINGS,
      lang_needles);
  run_free (run);

  run = run_pipeline ("videotestsrc num-buffers=1 ! vocrtextdetect "
      "roi=10,20,30 ! fakesink");
  check_error (run, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_SETTINGS,
      roi_needles);
  run_free (run);
}

GST_END_TEST;

static void
count_refusals (const gchar * domain, GLogLevelFlags level,
    const gchar * message, gpointer user_data)
{
  if (strstr (message, "can only be changed in the NULL or READY state"))
    (*(guint *) user_data)++;
}

GST_START_TEST (test_property_values_are_checked)
{
  GstElement *detect = gst_element_factory_make ("vocrtextdetect", NULL);
  GstElement *pipeline;
  guint threads, refused = 0, handler;
  gchar *languages, *roi;

  fail_unless (detect != NULL);
  g_object_get (detect, "threads", &threads, NULL);
  fail_unless_equals_int (threads, MIN (g_get_num_processors (), 64));

  /* out of range: GObject refuses and the value stays */
  ASSERT_WARNING (g_object_set (detect, "threads", 0, NULL));
  ASSERT_WARNING (g_object_set (detect, "min-confidence", 150.0, NULL));
  g_object_get (detect, "threads", &threads, NULL);
  fail_unless_equals_int (threads, MIN (g_get_num_processors (), 64));

  /* languages cannot change once the engines run */
  pipeline = gst_parse_launch ("videotestsrc is-live=true ! vocrtextdetect "
      "name=d threads=1 ! fakesink", NULL);
  gst_object_unref (detect);
  detect = gst_bin_get_by_name (GST_BIN (pipeline), "d");
  fail_unless_equals_int (gst_element_set_state (pipeline, GST_STATE_PAUSED),
      GST_STATE_CHANGE_NO_PREROLL);
  handler = g_log_set_handler ("GStreamer-Vocr", G_LOG_LEVEL_WARNING,
      count_refusals, &refused);
  g_object_set (detect, "languages", "deu", NULL);
  g_object_set (detect, "threads", 3, NULL);
  g_log_remove_handler ("GStreamer-Vocr", handler);
  fail_unless_equals_int (refused, 2);
  g_object_get (detect, "languages", &languages, "threads", &threads, NULL);
  fail_unless_equals_string (languages, "eng");
  fail_unless_equals_int (threads, 1);
  g_free (languages);

  /* a bad region while running keeps the old one, with a warning */
  g_object_set (detect, "roi", "0,0,100,50", NULL);
  g_object_set (detect, "roi", "0,0,-1,50", NULL);
  g_object_get (detect, "roi", &roi, NULL);
  fail_unless_equals_string (roi, "0,0,100,50");
  g_free (roi);
  {
    GstBus *bus = gst_element_get_bus (pipeline);
    GstMessage *msg = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING);

    fail_unless (msg != NULL);
    gst_message_unref (msg);
    gst_object_unref (bus);
  }

  /* back in READY they can change again */
  gst_element_set_state (pipeline, GST_STATE_READY);
  g_object_set (detect, "languages", "deu", NULL);
  g_object_get (detect, "languages", &languages, NULL);
  fail_unless_equals_string (languages, "deu");
  g_free (languages);

  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (detect);
  gst_object_unref (pipeline);
}

GST_END_TEST;

GST_START_TEST (test_unsupported_caps_fail_negotiation)
{
  GstElement *pipeline = gst_parse_launch ("videotestsrc num-buffers=1 "
      "! video/x-raw,format=YUY2 ! identity name=i  vocrtextdetect name=d "
      "! fakesink", NULL);
  GstElement *identity = gst_bin_get_by_name (GST_BIN (pipeline), "i");
  GstElement *detect = gst_bin_get_by_name (GST_BIN (pipeline), "d");
  GstPad *srcpad = gst_element_get_static_pad (identity, "src");
  GstPad *sinkpad = gst_element_get_static_pad (detect, "sink");
  GstMessage *msg;
  GError *error = NULL;
  gchar *debug = NULL;

  /* linked without checks, as a dynamic pipeline would be */
  fail_unless_equals_int (gst_pad_link_full (srcpad, sinkpad,
          GST_PAD_LINK_CHECK_NOTHING), GST_PAD_LINK_OK);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline),
      30 * GST_SECOND, GST_MESSAGE_ERROR | GST_MESSAGE_EOS);
  fail_unless (msg != NULL && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR);
  gst_message_parse_error (msg, &error, &debug);
  fail_unless (strstr (debug, "not-negotiated") != NULL, "%s", debug);

  g_error_free (error);
  g_free (debug);
  gst_message_unref (msg);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (srcpad);
  gst_object_unref (sinkpad);
  gst_object_unref (identity);
  gst_object_unref (detect);
  gst_object_unref (pipeline);
}

GST_END_TEST;

/* Records the memory each buffer enters the element with. */
static GstPadProbeReturn
record_memory (GstPad * pad, GstPadProbeInfo * info, GPtrArray * memories)
{
  g_ptr_array_add (memories, gst_buffer_peek_memory (GST_PAD_PROBE_INFO_BUFFER
          (info), 0));
  return GST_PAD_PROBE_OK;
}

GST_START_TEST (test_frames_pass_through_without_copies)
{
  GstElement *pipeline = gst_parse_launch ("videotestsrc num-buffers=10 "
      "pattern=black ! video/x-raw,width=320,height=240,framerate=10/1 "
      "! textoverlay text=\"" TEXT "\" ! tee name=t ! queue "
      "! vocrtextdetect name=d interval=200000000 ! fakesink name=sink "
      "signal-handoffs=true t. ! queue ! fakesink", NULL);
  GstElement *detect = gst_bin_get_by_name (GST_BIN (pipeline), "d");
  GstPad *pad = gst_element_get_static_pad (detect, "sink");
  GPtrArray *memories = g_ptr_array_new ();
  Run *run = g_new0 (Run, 1);
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  guint i, sampled = 0;

  run->buffers = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_buffer_unref);
  run->messages = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_message_unref);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), run);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER,
      (GstPadProbeCallback) record_memory, memories, NULL);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  collect (pipeline, run);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  /* the tee shares each buffer with the other branch, so the meta needs a
   * new buffer, but never new pixels */
  fail_unless_equals_int (run->buffers->len, 10);
  for (i = 0; i < 10; i++) {
    GstBuffer *out = g_ptr_array_index (run->buffers, i);

    fail_unless (gst_buffer_peek_memory (out, 0) ==
        g_ptr_array_index (memories, i), "frame %u was copied", i);
    if (gst_buffer_get_vocr_text_meta (out))
      sampled++;
  }
  fail_unless_equals_int (sampled, 5);

  g_ptr_array_unref (memories);
  run_free (run);
  gst_object_unref (sink);
  gst_object_unref (pad);
  gst_object_unref (detect);
  gst_object_unref (pipeline);
}

GST_END_TEST;

GST_START_TEST (test_meta_follows_videoscale)
{
  Run *full = run_text_pipeline ("video/x-raw,width=640,height=360",
      "text=\"" TEXT "\" valignment=bottom", "I420", "", 1);
  Run *half = run_pipeline ("videotestsrc num-buffers=1 pattern=black "
      "! video/x-raw,width=640,height=360 ! textoverlay text=\"" TEXT "\" "
      "valignment=bottom ! vocrtextdetect ! videoscale "
      "! video/x-raw,width=320,height=180 ! fakesink name=sink");
  const GstVocrLine *a = single_line (full, 0), *b = single_line (half, 0);
  GstVideoRegionOfInterestMeta *roi;

  fail_unless_equals_string (a->text, b->text);
  fail_unless (ABS (b->x * 2 - a->x) <= 2 && ABS (b->y * 2 - a->y) <= 2
      && ABS (b->width * 2 - a->width) <= 2, "%d,%d %dx%d vs %d,%d %dx%d",
      a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height);
  roi = gst_buffer_get_video_region_of_interest_meta_id
      (g_ptr_array_index (half->buffers, 0), 0);
  fail_unless (roi != NULL);
  fail_unless (ABS ((gint) roi->x - b->x) <= 1 && ABS ((gint) roi->w -
          b->width) <= 1);
  run_free (full);
  run_free (half);
}

GST_END_TEST;

GST_START_TEST (test_eos_delivers_work_in_flight)
{
  /* every frame sampled, EOS right behind them: all are read, and every
   * message is on the bus before EOS */
  Run *run = run_text_pipeline ("video/x-raw,width=640,height=360",
      "text=\"" TEXT "\"", "I420", "interval=0 threads=2", 8);
  guint i;

  fail_unless (run->eos);
  fail_unless_equals_int (run->buffers->len, 8);
  fail_unless_equals_int (run->messages->len, 8);
  for (i = 0; i < 8; i++)
    fail_unless (edit_distance (single_line (run, i)->text, TEXT) <= 1);
  run_free (run);
}

GST_END_TEST;

GST_START_TEST (test_flushing_seeks_do_not_deadlock)
{
  GstElement *pipeline = gst_parse_launch ("videotestsrc num-buffers=300 "
      "pattern=black ! video/x-raw,width=320,height=240,framerate=30/1 "
      "! textoverlay text=\"" TEXT "\" ! vocrtextdetect interval=0 threads=2 "
      "change-threshold=0 ! fakesink name=sink sync=false", NULL);
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  Run *run = g_new0 (Run, 1);
  guint i;

  run->buffers = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_buffer_unref);
  run->messages = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_message_unref);
  fail_unless (gst_element_set_state (pipeline, GST_STATE_PAUSED) !=
      GST_STATE_CHANGE_FAILURE);
  fail_unless_equals_int (gst_element_get_state (pipeline, NULL, NULL,
          GST_CLOCK_TIME_NONE), GST_STATE_CHANGE_SUCCESS);

  /* flushing seeks in PAUSED and in PLAYING, while samples are being read
   * (every one of them: change-threshold=0) */
  for (i = 0; i < 6; i++) {
    fail_unless (gst_element_seek_simple (pipeline, GST_FORMAT_TIME,
            GST_SEEK_FLAG_FLUSH, (i + 1) * GST_SECOND));
    gst_element_set_state (pipeline, i % 2 ? GST_STATE_PAUSED :
        GST_STATE_PLAYING);
    g_usleep (30 * G_USEC_PER_SEC / 1000);
  }
  /* with a stop: num-buffers counts from the start, not from a seek */
  fail_unless (gst_element_seek (pipeline, 1.0, GST_FORMAT_TIME,
          GST_SEEK_FLAG_FLUSH, GST_SEEK_TYPE_SET, 9 * GST_SECOND,
          GST_SEEK_TYPE_SET, 10 * GST_SECOND));
  g_object_set (sink, "signal-handoffs", TRUE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), run);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  collect (pipeline, run);

  fail_unless (run->eos);
  /* the second after the seek, every frame read, in order */
  fail_unless (run->buffers->len >= 30, "%u buffers", run->buffers->len);
  for (i = 0; i < run->buffers->len; i++) {
    GstBuffer *buffer = g_ptr_array_index (run->buffers, i);

    fail_unless (GST_BUFFER_PTS (buffer) >= 9 * GST_SECOND);
    fail_unless (GST_BUFFER_PTS (buffer) < 10 * GST_SECOND);
    fail_unless (i == 0 || GST_BUFFER_PTS (buffer) > GST_BUFFER_PTS
        (g_ptr_array_index (run->buffers, i - 1)));
    fail_unless (gst_buffer_get_vocr_text_meta (buffer) != NULL);
  }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  run_free (run);
  gst_object_unref (sink);
  gst_object_unref (pipeline);
}

GST_END_TEST;

GST_START_TEST (test_state_cycling)
{
  GstElement *pipeline = gst_parse_launch ("videotestsrc pattern=black "
      "! video/x-raw,width=320,height=240 ! textoverlay text=\"" TEXT "\" "
      "! vocrtextdetect interval=0 ! fakesink sync=true", NULL);
  guint i;

  /* stopping with samples in flight, 20 times over */
  for (i = 0; i < 20; i++) {
    fail_unless (gst_element_set_state (pipeline, GST_STATE_PLAYING) !=
        GST_STATE_CHANGE_FAILURE);
    fail_unless (gst_element_get_state (pipeline, NULL, NULL,
            GST_CLOCK_TIME_NONE) == GST_STATE_CHANGE_SUCCESS);
    g_usleep ((i % 4) * 20 * 1000);
    fail_unless_equals_int (gst_element_set_state (pipeline, GST_STATE_NULL),
        GST_STATE_CHANGE_SUCCESS);
  }
  gst_object_unref (pipeline);
}

GST_END_TEST;

static guint64
stats_field (Run * run, const gchar * field)
{
  guint64 value = 0;

  fail_unless (run->stats != NULL, "no vocr-stats message");
  fail_unless (gst_structure_get_uint64 (gst_message_get_structure
          (run->stats), field, &value), "no %s", field);
  return value;
}

/* A caption box over a soft, ever-changing picture: noise blown up 20
 * times, as a moving background behind a lower third. */
#define MOVING_BACKGROUND "videotestsrc num-buffers=%u pattern=snow " \
    "! video/x-raw,width=32,height=18,framerate=30/1 " \
    "! videoscale method=bilinear ! video/x-raw,width=640,height=360 "
#define CAPTION_BOX "font-desc=\"Sans 24\" shaded-background=true " \
    "shading-value=255"

GST_START_TEST (test_moving_background_is_not_reread)
{
  gchar *desc = g_strdup_printf (MOVING_BACKGROUND "! textoverlay text=\""
      TEXT "\" " CAPTION_BOX " ! vocrtextdetect ! fakesink name=sink", 90);
  Run *run = run_pipeline (desc);
  guint i;

  /* six samples, one read: the others carry its reading */
  fail_unless_equals_uint64 (stats_field (run, "samples"), 6);
  fail_unless_equals_uint64 (stats_field (run, "recognised"), 1);
  fail_unless_equals_uint64 (stats_field (run, "reused"), 5);
  for (i = 0; i < 90; i += 15) {
    const GstVocrLine *line = single_line (run, i);

    fail_unless (edit_distance (line->text, TEXT) <= 1, "%s", line->text);
    fail_unless_equals_int (line->x, single_line (run, 0)->x);
  }
  run_free (run);
  g_free (desc);

  /* change-threshold=0 reads every sample */
  desc = g_strdup_printf (MOVING_BACKGROUND "! textoverlay text=\"" TEXT "\" "
      CAPTION_BOX " ! vocrtextdetect change-threshold=0 ! fakesink", 90);
  run = run_pipeline (desc);
  fail_unless_equals_uint64 (stats_field (run, "recognised"), 6);
  fail_unless_equals_uint64 (stats_field (run, "reused"), 0);
  run_free (run);
  g_free (desc);
}

GST_END_TEST;

/* Runs @pipeline, whose textoverlay named o shows @srt's cues: it ends
 * with the subtitle branch, "filesrc location=" without the file. */
static Run *
run_with_cues (const gchar * pipeline, const gchar * srt)
{
  gchar *dir = g_dir_make_tmp ("vocr-cues-XXXXXX", NULL);
  gchar *path = g_build_filename (dir, "cues.srt", NULL);
  gchar *desc = g_strconcat (pipeline, path, " ! subparse ! o.text_sink",
      NULL);
  Run *run;

  fail_unless (g_file_set_contents (path, srt, -1, NULL));
  run = run_pipeline (desc);
  g_unlink (path);
  g_rmdir (dir);
  g_free (desc);
  g_free (path);
  g_free (dir);
  return run;
}

GST_START_TEST (test_text_changing_in_place_is_reread)
{
  /* one digit changes at 2 s; the box stays where it is */
  Run *run = run_with_cues ("videotestsrc num-buffers=120 pattern=black "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay name=o " CAPTION_BOX " ! vocrtextdetect "
      "! fakesink name=sink filesrc location=",
      "1\n00:00:00,000 --> 00:00:02,000\nScore 10 to 4\n\n"
      "2\n00:00:02,000 --> 00:00:04,000\nScore 11 to 4\n\n");
  guint i;

  for (i = 0; i < 120; i += 15) {
    const gchar *want = i < 60 ? "Score 10 to 4" : "Score 11 to 4";

    fail_unless_equals_string (single_line (run, i)->text, want);
  }
  /* read when it changed, reused otherwise */
  fail_unless (stats_field (run, "recognised") >= 2 && stats_field (run, "recognised") <= 4,
      "%" G_GUINT64_FORMAT " reads", stats_field (run, "recognised"));
  run_free (run);
}

GST_END_TEST;

/* A slide's footer whose page number changes at 2 s, the rest of the slide
 * still: one digit changes too few of the change detector's cells in so
 * long a line (it was carried as "Page 2" to the end); the line's pixels
 * tell it, and the footer alone is read again. */
GST_START_TEST (test_digit_replaced_in_a_still_slide_is_read)
{
#define FOOTER " of 9 - Quarterly results review"
  Run *run = run_with_cues ("videotestsrc num-buffers=100 pattern=white "
      "! video/x-raw,width=1280,height=720,framerate=25/1 "
      "! textoverlay text=\"Sweetened Highlights Blossom\" "
      "font-desc=\"Sans Bold 28\" valignment=top halignment=left "
      "draw-shadow=false draw-outline=false color=0xff000000 "
      "! textoverlay name=o font-desc=\"Sans 14\" valignment=bottom "
      "halignment=right draw-shadow=false draw-outline=false "
      "color=0xff000000 ! videoconvert ! vocrtextdetect "
      "! fakesink name=sink filesrc location=",
      "1\n00:00:00,000 --> 00:00:02,000\nPage 2" FOOTER "\n\n"
      "2\n00:00:02,000 --> 00:00:04,000\nPage 3" FOOTER "\n\n");
  guint i;

  /* the samples, two a second */
  for (i = 0; i < 100; i += 25) {
    const gchar *want = i < 50 ? "Page 2" FOOTER : "Page 3" FOOTER;

    fail_unless (has_line (run, i, want), "buffer %u lacks %s", i, want);
    fail_unless (has_line (run, i, "Sweetened Highlights Blossom"));
  }
  /* the first sample whole; at 2 s the footer's place only, the title's
   * reading carried */
  fail_unless_equals_uint64 (stats_field (run, "recognised"), 2);
  fail_unless_equals_uint64 (stats_field (run, "regions-carried"), 1);
  run_free (run);
#undef FOOTER
}

GST_END_TEST;

/* A line gone where the change detector sees no change is not carried:
 * a lower third faded out over a busy picture, last read halfway through
 * the fade, leaves too few edges behind for the detector (the benchmark's
 * "lar" stayed three seconds after it went). A detector that sees no
 * change at all (change-threshold=1) stands for it here: the line's box,
 * compared with the last reading's, has changed over most of its pixels,
 * and the sample is read. */
GST_START_TEST (test_lines_gone_unseen_by_the_detector_are_not_carried)
{
  Run *run = run_with_cues ("videotestsrc num-buffers=100 pattern=black "
      "! video/x-raw,width=640,height=360,framerate=25/1 "
      "! textoverlay name=o font-desc=\"Sans Bold 20\" ! vocrtextdetect "
      "change-threshold=1 ! fakesink name=sink filesrc location=",
      "1\n00:00:00,000 --> 00:00:02,000\nFestival Director\n\n");
  GstVocrTextMeta *meta;

  fail_unless_equals_string (single_line (run, 25)->text,
      "Festival Director");
  /* the first sample without it */
  meta = meta_of (run, 50);
  fail_unless (meta != NULL);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta), 0);
  run_free (run);
}

GST_END_TEST;

GST_START_TEST (test_new_text_elsewhere_is_found)
{
  /* a title all along, a second line from 2 s on, elsewhere */
  Run *run = run_with_cues ("videotestsrc num-buffers=120 pattern=black "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay text=\"Upper words here\" valignment=top "
      "! textoverlay name=o valignment=bottom ! vocrtextdetect "
      "! fakesink name=sink filesrc location=",
      "1\n00:00:02,000 --> 00:00:04,000\nLower line there\n\n");
  GstVocrTextMeta *before = meta_of (run, 45), *after = meta_of (run, 60);

  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (before), 1);
  /* found in the first sample that shows it */
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (after), 2);
  fail_unless_equals_string (gst_vocr_text_meta_get_line (after, 1)->text,
      "Lower line there");
  run_free (run);
}

GST_END_TEST;

/* A line appears under unchanged text, then goes: only the new line is
 * read; the unchanged line's reading is carried, and stays when the other
 * goes, without a read. */
GST_START_TEST (test_unchanged_text_beside_a_change_is_carried)
{
  Run *run = run_with_cues ("videotestsrc num-buffers=120 pattern=black "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay text=\"Upper words here\" valignment=top "
      "! textoverlay name=o valignment=bottom ! vocrtextdetect "
      "! fakesink name=sink filesrc location=",
      "1\n00:00:02,000 --> 00:00:03,000\nLower line there\n\n");
  GstVocrTextMeta *alone = meta_of (run, 0), *both = meta_of (run, 60);
  GstVocrTextMeta *after = meta_of (run, 90);
  const GstVocrLine *upper = gst_vocr_text_meta_get_line (alone, 0);
  const GstVocrLine *carried = gst_vocr_text_meta_get_line (both, 0);

  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (alone), 1);
  fail_unless_equals_string (upper->text, "Upper words here");
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (both), 2);
  fail_unless_equals_string (gst_vocr_text_meta_get_line (both, 1)->text,
      "Lower line there");
  /* the same reading, box and all */
  fail_unless_equals_string (carried->text, upper->text);
  fail_unless (carried->x == upper->x && carried->y == upper->y
      && carried->width == upper->width && carried->height == upper->height);
  fail_unless_equals_float (carried->confidence, upper->confidence);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (after), 1);
  fail_unless_equals_string (gst_vocr_text_meta_get_line (after, 0)->text,
      "Upper words here");
  /* the upper line read once, the lower once; the upper carried twice */
  fail_unless_equals_uint64 (stats_field (run, "regions-read"), 2);
  fail_unless_equals_uint64 (stats_field (run, "regions-carried"), 2);
  run_free (run);
}

GST_END_TEST;

/* A caption replaced by another where the first letters of two words,
 * "T" and "i" in DejaVu Sans, fill too little of the change detector's
 * cells to look like text: the place read is still the whole line, not
 * "ext found" and "n video" (vocr --demo's clip on a machine whose "Sans"
 * is DejaVu). */
GST_START_TEST (test_thin_letters_ending_words_are_read)
{
  Run *run = run_with_cues ("videotestsrc num-buffers=60 pattern=blue "
      "! video/x-raw,width=1280,height=720,framerate=30/1 "
      "! textoverlay name=o font-desc=\"DejaVu Sans 32\" valignment=bottom "
      "! videoconvert ! vocrtextdetect ! fakesink name=sink filesrc location=",
      "1\n00:00:00,000 --> 00:00:01,000\nWelcome to gst-vocr\n\n"
      "2\n00:00:01,000 --> 00:00:02,000\nText found in video\n\n");

  fail_unless_equals_string (single_line (run, 0)->text,
      "Welcome to gst-vocr");
  fail_unless_equals_string (single_line (run, 45)->text,
      "Text found in video");
  run_free (run);
}

GST_END_TEST;

/* The end of a line is erased, far enough from the rest that the rest's
 * region did not change: the old reading reaches out of the region, so it
 * is not carried but read again. */
GST_START_TEST (test_line_changed_in_part_is_reread)
{
  Run *run = run_with_cues ("videotestsrc num-buffers=90 pattern=black "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay name=o halignment=left valignment=top "
      "font-desc=\"Sans 24\" ! vocrtextdetect "
      "! fakesink name=sink filesrc location=",
      "1\n00:00:00,000 --> 00:00:01,500\nScore 10 to 4  tonight\n\n"
      "2\n00:00:01,500 --> 00:00:03,000\nScore 10 to 4\n\n");

  fail_unless_equals_string (single_line (run, 0)->text,
      "Score 10 to 4 tonight");
  fail_unless_equals_string (single_line (run, 60)->text, "Score 10 to 4");
  fail_unless_equals_uint64 (stats_field (run, "regions-carried"), 0);
  run_free (run);
}

GST_END_TEST;

/* Where a place is read again, the lines of the last reading that the new
 * one misses are kept only where their pixels did not change: a line that
 * went, or changed, is not kept from before. */
GST_START_TEST (test_lines_gone_from_a_reread_place_are_not_kept)
{
  Run *run = run_with_cues ("videotestsrc num-buffers=90 pattern=black "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay name=o halignment=left valignment=top "
      "line-alignment=left font-desc=\"Sans 20\" ! vocrtextdetect "
      "! fakesink name=sink filesrc location=",
      "1\n00:00:00,000 --> 00:00:01,000\nGate closes at 7\nPlatform 4\n"
      "Track 12\n\n"
      "2\n00:00:01,000 --> 00:00:02,000\nGate closes at 7\nPlatform 9\n\n"
      "3\n00:00:02,000 --> 00:00:03,000\nGate closes at 7\n\n");
  const guint samples[] = { 45, 75 };
  guint i;

  fail_unless (has_line (run, 0, "Platform 4"));
  fail_unless (has_line (run, 0, "Track 12"));
  for (i = 0; i < G_N_ELEMENTS (samples); i++) {
    fail_unless (has_line (run, samples[i], "Gate closes at 7"));
    fail_if (has_line (run, samples[i], "Platform 4"), "buffer %u",
        samples[i]);
    fail_if (has_line (run, samples[i], "Track 12"), "buffer %u",
        samples[i]);
  }
  fail_unless (has_line (run, 45, "Platform 9"));
  fail_if (has_line (run, 75, "Platform 9"));
  run_free (run);
}

GST_END_TEST;

/* A status bar's position changes in two digits ("Ln 200, Col 70" to
 * "Ln 270, Col 10"), at the change detector's scale (half size at 720p)
 * barely a change: light letters on blue have no strong edges to judge
 * by. As the code above it changes, the frame is read and the bar's
 * region is read again rather than carried, stale; with the code still,
 * the frame is read for the bar alone. */
GST_START_TEST (test_few_glyphs_replaced_are_reread)
{
  const gchar *codes[] = {
    "1\n00:00:00,000 --> 00:00:01,000\nimport falsify\n\n"
        "2\n00:00:01,000 --> 00:00:02,000\nreturn kneecap\n\n",
    "1\n00:00:00,000 --> 00:00:02,000\nimport falsify\n\n"
  };
  /* the samples, two a second */
  const guint samples[] = { 0, 12, 25, 37 };
  gchar *dir = g_dir_make_tmp ("vocr-cues-XXXXXX", NULL);
  gchar *bar = g_build_filename (dir, "bar.srt", NULL);
  gchar *code = g_build_filename (dir, "code.srt", NULL);
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=50 "
      "pattern=solid-color foreground-color=0xff0078d7 "
      "! video/x-raw,width=1280,height=720,framerate=25/1 "
      "! textoverlay name=code font-desc=\"Mono 12\" valignment=top "
      "halignment=left draw-shadow=false draw-outline=false "
      "! textoverlay name=bar font-desc=\"Sans 7\" valignment=bottom "
      "halignment=right draw-shadow=false draw-outline=false "
      "! videoconvert ! video/x-raw,format=I420 ! vocrtextdetect "
      "max-ocr-time=0 ! fakesink name=sink "
      "filesrc location=%s ! subparse ! code.text_sink "
      "filesrc location=%s ! subparse ! bar.text_sink", code, bar);
  guint c, i;

  fail_unless (g_file_set_contents (bar,
          "1\n00:00:00,000 --> 00:00:01,000\nLn 200, Col 70\n\n"
          "2\n00:00:01,000 --> 00:00:02,000\nLn 270, Col 10\n\n", -1,
          NULL));
  for (c = 0; c < G_N_ELEMENTS (codes); c++) {
    Run *run;

    fail_unless (g_file_set_contents (code, codes[c], -1, NULL));
    run = run_pipeline (desc);
    for (i = 0; i < G_N_ELEMENTS (samples); i++) {
      const gchar *want = samples[i] < 25 ? "Ln 200, Col 70" :
          "Ln 270, Col 10";

      fail_unless (has_line (run, samples[i], want),
          "buffer %u lacks %s (code %s)", samples[i], want,
          c == 0 ? "changing" : "still");
    }
    run_free (run);
  }
  g_unlink (code);
  g_unlink (bar);
  g_rmdir (dir);
  g_free (desc);
  g_free (code);
  g_free (bar);
  g_free (dir);
}

GST_END_TEST;

GST_START_TEST (test_refresh_interval_forces_reads)
{
  Run *run = run_text_pipeline
      ("video/x-raw,width=320,height=240,framerate=10/1",
      "text=\"" TEXT "\"", "I420", "refresh-interval=1000000000", 50);

  /* static text: read at 0, then once a second */
  fail_unless_equals_uint64 (stats_field (run, "samples"), 10);
  fail_unless_equals_uint64 (stats_field (run, "recognised"), 5);
  run_free (run);
}

GST_END_TEST;

GST_START_TEST (test_change_messages)
{
  /* the last change is a number alone: similar texts, different ones */
  const gchar *expected[][4] = {
    {"vocr-text-appeared", "Alpha bravo charlie", "0"},
    {"vocr-text-disappeared", "Alpha bravo charlie", "1500"},
    {"vocr-text-appeared", "Delta echo foxtrot", "2000"},
    {"vocr-text-changed", "Golf hotel india 2", "2500", "Delta echo foxtrot"},
    {"vocr-text-changed", "Golf hotel india 3", "3000", "Golf hotel india 2"},
    {"vocr-text-disappeared", "Golf hotel india 3", "3500"},
  };
  gchar *dir = g_dir_make_tmp ("vocr-cues-XXXXXX", NULL);
  gchar *srt = g_build_filename (dir, "cues.srt", NULL);
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=120 pattern=black "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay name=o font-desc=\"Sans 24\" "
      "! vocrtextdetect change-messages=true message=false ! fakesink "
      "filesrc location=%s ! subparse ! o.text_sink", srt);
  GstElement *pipeline;
  GstBus *bus;
  GstMessage *msg;
  guint n = 0;

  fail_unless (g_file_set_contents (srt,
          "1\n00:00:00,000 --> 00:00:01,500\nAlpha bravo charlie\n\n"
          "2\n00:00:02,000 --> 00:00:02,500\nDelta echo foxtrot\n\n"
          "3\n00:00:02,500 --> 00:00:03,000\nGolf hotel india 2\n\n"
          "4\n00:00:03,000 --> 00:00:03,500\nGolf hotel india 3\n\n", -1,
          NULL));
  pipeline = gst_parse_launch (desc, NULL);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  while ((msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND,
              GST_MESSAGE_EOS | GST_MESSAGE_ERROR | GST_MESSAGE_ELEMENT))) {
    const GstStructure *s = gst_message_get_structure (msg);
    guint64 rt;

    if (GST_MESSAGE_TYPE (msg) != GST_MESSAGE_ELEMENT) {
      fail_unless_equals_int (GST_MESSAGE_TYPE (msg), GST_MESSAGE_EOS);
      gst_message_unref (msg);
      break;
    }
    if (gst_structure_has_name (s, "vocr-stats")) {
      gst_message_unref (msg);
      continue;
    }
    /* no vocr-text: message=false */
    fail_unless (g_str_has_prefix (gst_structure_get_name (s),
            "vocr-text-"), "%s", gst_structure_get_name (s));
    fail_unless (n < G_N_ELEMENTS (expected), "extra %" GST_PTR_FORMAT, s);
    fail_unless_equals_string (gst_structure_get_name (s), expected[n][0]);
    fail_unless_equals_string (gst_structure_get_string (s, "text"),
        expected[n][1]);
    fail_unless (gst_structure_get_uint64 (s, "running-time", &rt));
    fail_unless_equals_uint64 (rt, g_ascii_strtoull (expected[n][2], NULL,
            10) * GST_MSECOND);
    fail_unless (gst_structure_has_field_typed (s, "width", G_TYPE_INT));
    if (g_str_equal (expected[n][0], "vocr-text-changed"))
      fail_unless_equals_string (gst_structure_get_string (s,
              "previous-text"), expected[n][3]);
    n++;
    gst_message_unref (msg);
  }
  fail_unless_equals_int (n, G_N_ELEMENTS (expected));

  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (bus);
  gst_object_unref (pipeline);
  g_unlink (srt);
  g_rmdir (dir);
  g_free (srt);
  g_free (dir);
  g_free (desc);
}

GST_END_TEST;

GST_START_TEST (test_max_ocr_time_abandons_a_sample)
{
  /* a millisecond is less than any reading of a 1080p frame takes */
  Run *run = run_text_pipeline ("video/x-raw,width=1920,height=1080",
      "text=\"" TEXT "\"", "I420", "interval=0 max-ocr-time=1000000", 3);
  guint i;

  fail_unless (run->error == NULL);
  /* the frames pass, without a reading: nothing is invented */
  fail_unless_equals_int (run->buffers->len, 3);
  for (i = 0; i < 3; i++)
    fail_unless (meta_of (run, i) == NULL);
  fail_unless (stats_field (run, "timeouts") >= 1);
  run_free (run);

  /* the default limit, 5 s, leaves ordinary frames alone */
  run = run_text_pipeline ("video/x-raw,width=1920,height=1080",
      "text=\"" TEXT "\"", "I420", "", 1);
  fail_unless_equals_uint64 (stats_field (run, "timeouts"), 0);
  fail_unless (edit_distance (single_line (run, 0)->text, TEXT) <= 1);
  run_free (run);
}

GST_END_TEST;

GST_START_TEST (test_odd_frames)
{
  /* tiny, odd and padded (641 wide: rows of I420 are padded to 644), and
   * interlaced: read or not, every frame passes, nothing crashes */
  const gchar *caps[] = { "width=1,height=1", "width=2,height=2",
    "width=3,height=7", "width=17,height=9", "width=641,height=361",
    "width=320,height=240,interlace-mode=interleaved"
  };
  const gchar *formats[] = { "I420", "NV12", "GRAY8", "Y41B", "BGRx" };
  guint c, f;

  for (c = 0; c < G_N_ELEMENTS (caps); c++) {
    for (f = 0; f < G_N_ELEMENTS (formats); f++) {
      gchar *desc = g_strdup_printf ("videotestsrc num-buffers=3 "
          "! video/x-raw,format=%s,%s ! vocrtextdetect interval=0 "
          "! fakesink name=sink", formats[f], caps[c]);
      Run *run = run_pipeline (desc);

      fail_unless (run->error == NULL, "%s", desc);
      fail_unless_equals_int (run->buffers->len, 3);
      fail_unless_equals_int (run->messages->len, 3);
      run_free (run);
      g_free (desc);
    }
  }
}

GST_END_TEST;

/* After 20 frames, asks for a smaller picture: the source renegotiates. */
static GstPadProbeReturn
shrink_after_20 (GstPad * pad, GstPadProbeInfo * info, GstElement * filter)
{
  static guint frames;
  GstCaps *caps;

  if (++frames != 20)
    return GST_PAD_PROBE_OK;
  caps = gst_caps_from_string ("video/x-raw,width=320,height=180");
  g_object_set (filter, "caps", caps, NULL);
  gst_caps_unref (caps);
  return GST_PAD_PROBE_REMOVE;
}

GST_START_TEST (test_resolution_change_mid_stream)
{
  GstElement *pipeline = gst_parse_launch ("videotestsrc num-buffers=40 "
      "pattern=black ! capsfilter name=size "
      "caps=video/x-raw,width=640,height=360,framerate=10/1 "
      "! textoverlay text=\"" TEXT "\" font-desc=\"Sans 24\" "
      "! vocrtextdetect interval=0 ! fakesink name=sink", NULL);
  GstElement *capsfilter = gst_bin_get_by_name (GST_BIN (pipeline), "size");
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  GstPad *pad = gst_element_get_static_pad (capsfilter, "sink");
  Run *run = g_new0 (Run, 1);
  guint i, small = 0;

  run->buffers = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_buffer_unref);
  run->messages = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_message_unref);
  g_object_set (sink, "signal-handoffs", TRUE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), run);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, (GstPadProbeCallback)
      shrink_after_20, capsfilter, NULL);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  collect (pipeline, run);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  /* every frame read, in its own size: boxes inside their frame */
  fail_unless (run->eos);
  fail_unless_equals_int (run->buffers->len, 40);
  for (i = 0; i < 40; i++) {
    GstBuffer *buffer = g_ptr_array_index (run->buffers, i);
    const GstVocrLine *line = single_line (run, i);
    /* a quarter of the pixels: a quarter of the bytes, whatever format */
    gboolean is_small = gst_buffer_get_size (buffer) * 4 ==
        gst_buffer_get_size (g_ptr_array_index (run->buffers, 0));

    small += is_small;
    fail_unless (edit_distance (line->text, TEXT) <= 2, "frame %u: %s", i,
        line->text);
    fail_unless (line->x + line->width <= (is_small ? 320 : 640));
  }
  fail_unless (small > 0 && small < 40, "%u small frames", small);

  run_free (run);
  gst_object_unref (pad);
  gst_object_unref (capsfilter);
  gst_object_unref (sink);
  gst_object_unref (pipeline);
}

GST_END_TEST;

static gpointer
twiddle_properties (gpointer data)
{
  GstElement *detect = data;
  guint i;

  for (i = 0; i < 2000; i++) {
    g_object_set (detect, "interval", (guint64) (i % 3) * 100 * GST_MSECOND,
        "min-confidence", (gdouble) (i % 60), "change-threshold",
        (i % 4) / 4.0, "page-segmentation", i % 2 ? 3 : 11, "roi",
        i % 3 ? "0,0,320,120" : NULL, "message", i % 5 != 0,
        "change-messages", i % 2 == 0, NULL);
    if (i % 100 == 0)
      g_usleep (1000);
  }
  return NULL;
}

GST_START_TEST (test_properties_changed_while_playing)
{
  GstElement *pipeline = gst_parse_launch ("videotestsrc num-buffers=60 "
      "pattern=black ! video/x-raw,width=320,height=240,framerate=30/1 "
      "! textoverlay text=\"" TEXT "\" ! vocrtextdetect name=d "
      "! fakesink", NULL);
  GstElement *detect = gst_bin_get_by_name (GST_BIN (pipeline), "d");
  GThread *threads[2];
  GstMessage *msg;

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  threads[0] = g_thread_new ("twiddle0", twiddle_properties, detect);
  threads[1] = g_thread_new ("twiddle1", twiddle_properties, detect);
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline),
      60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS);
  gst_message_unref (msg);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (detect);
  gst_object_unref (pipeline);
}

GST_END_TEST;

/* Threads of this process whose name starts with @prefix. */
static guint
count_threads (const gchar * prefix)
{
  GDir *dir = g_dir_open ("/proc/self/task", 0, NULL);
  const gchar *tid;
  guint n = 0;

  fail_unless (dir != NULL);
  while ((tid = g_dir_read_name (dir))) {
    gchar *path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
    gchar *name = NULL;

    if (g_file_get_contents (path, &name, NULL, NULL)
        && g_str_has_prefix (name, prefix))
      n++;
    g_free (name);
    g_free (path);
  }
  g_dir_close (dir);
  return n;
}

static gpointer
run_short_pipelines (gpointer data)
{
  guint *failures = data, i;

  for (i = 0; i < 6; i++) {
    Run *run = run_text_pipeline ("video/x-raw,width=320,height=240",
        "text=\"" TEXT "\" font-desc=\"Sans 24\"", i % 2 ? "I420" : "BGRx",
        "threads=1 interval=0", 2);

    if (run->buffers->len != 2 || !meta_of (run, 1)
        || gst_vocr_text_meta_get_n_lines (meta_of (run, 1)) != 1
        || edit_distance (gst_vocr_text_meta_get_line (meta_of (run, 1),
                0)->text, TEXT) > 1)
      g_atomic_int_inc (failures);
    run_free (run);
  }
  return NULL;
}

GST_START_TEST (test_parallel_pipelines_stress)
{
  GThread *threads[4];
  guint failures = 0, i;

  /* four threads, six pipelines each, one engine per pipeline, all at
   * once: every one reads its text, and no worker outlives its element */
  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("stress", run_short_pipelines, &failures);
  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  fail_unless_equals_int (failures, 0);
  fail_unless_equals_int (count_threads ("vocr-worker"), 0);
}

GST_END_TEST;

GST_START_TEST (test_state_cycling_hundred_times)
{
  GstElement *pipeline = gst_parse_launch ("videotestsrc is-live=true "
      "pattern=black ! video/x-raw,width=160,height=120 "
      "! vocrtextdetect threads=1 interval=0 ! fakesink", NULL);
  guint i;

  /* engines loaded and freed a hundred times, samples in flight or not */
  for (i = 0; i < 100; i++) {
    fail_unless (gst_element_set_state (pipeline, GST_STATE_PLAYING) !=
        GST_STATE_CHANGE_FAILURE);
    if (i % 10 == 0)
      g_usleep (50 * 1000);
    fail_unless_equals_int (gst_element_set_state (pipeline, GST_STATE_NULL),
        GST_STATE_CHANGE_SUCCESS);
  }
  gst_object_unref (pipeline);
  fail_unless_equals_int (count_threads ("vocr-worker"), 0);
}

GST_END_TEST;

static GstPadProbeReturn
unplug_detect (GstPad * pad, GstPadProbeInfo * info, GstElement * pipeline)
{
  GstElement *detect = gst_bin_get_by_name (GST_BIN (pipeline), "d");
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  GstElement *src = GST_ELEMENT (gst_pad_get_parent (pad));

  /* out of the running pipeline, and the source straight to the sink */
  gst_element_unlink_many (src, detect, sink, NULL);
  gst_bin_remove (GST_BIN (pipeline), gst_object_ref (detect));
  gst_element_set_state (detect, GST_STATE_NULL);
  fail_unless (gst_element_link (src, sink));
  gst_object_unref (detect);
  gst_object_unref (detect);
  gst_object_unref (sink);
  gst_object_unref (src);
  return GST_PAD_PROBE_REMOVE;
}

static GstPadProbeReturn
block_after_ten (GstPad * pad, GstPadProbeInfo * info, GstElement * pipeline)
{
  static guint frames;

  if (++frames < 10)
    return GST_PAD_PROBE_OK;
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BLOCK_DOWNSTREAM,
      (GstPadProbeCallback) unplug_detect, pipeline, NULL);
  return GST_PAD_PROBE_REMOVE;
}

GST_START_TEST (test_removed_from_a_running_pipeline)
{
  GstElement *pipeline = gst_parse_launch ("videotestsrc num-buffers=60 "
      "pattern=black ! video/x-raw,width=320,height=240,framerate=30/1 "
      "! textoverlay name=src text=\"" TEXT "\" ! vocrtextdetect name=d "
      "interval=0 ! fakesink name=sink sync=false", NULL);
  GstElement *src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  GstPad *pad = gst_element_get_static_pad (src, "src");
  GstMessage *msg;

  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, (GstPadProbeCallback)
      block_after_ten, pipeline, NULL);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  /* the stream goes on to its end without the element */
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline),
      60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS);
  gst_message_unref (msg);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  fail_unless (gst_bin_get_by_name (GST_BIN (pipeline), "d") == NULL);

  gst_object_unref (pad);
  gst_object_unref (src);
  gst_object_unref (pipeline);
  fail_unless_equals_int (count_threads ("vocr-worker"), 0);
}

GST_END_TEST;

typedef struct
{
  GstElement *pipeline;
  GArray *delays;               /* vocr-text: clock time - running time */
  GstStructure *stats;
} LiveRun;

static GstBusSyncReply
on_live_message (GstBus * bus, GstMessage * msg, LiveRun * live)
{
  const GstStructure *s = gst_message_get_structure (msg);
  GstClock *clock;

  if (s && gst_structure_has_name (s, "vocr-text")
      && (clock = gst_element_get_clock (live->pipeline))) {
    guint64 rt;
    GstClockTimeDiff delay;

    gst_structure_get_uint64 (s, "running-time", &rt);
    delay = GST_CLOCK_DIFF (rt, gst_clock_get_time (clock) -
        gst_element_get_base_time (live->pipeline));
    g_array_append_val (live->delays, delay);
    gst_object_unref (clock);
  } else if (s && gst_structure_has_name (s, "vocr-stats")) {
    g_clear_pointer (&live->stats, gst_structure_free);
    live->stats = gst_structure_copy (s);
  }
  return GST_BUS_PASS;
}

GST_START_TEST (test_live_never_delays_frames_beyond_its_latency)
{
  /* every frame sampled and different (a running clock), one worker: far
   * more reading than one core does in real time; no other scripts: a
   * clock's region read as nothing would have a second engine loaded
   * beside the worker (test_live_reads_other_scripts_once_loaded), which
   * under the sanitizers on two cores made a reading 20 ms late */
  LiveRun live = { NULL };
  GstElement *sink;
  GstQuery *query = gst_query_new_latency ();
  GstClockTime min = 0;
  GstMessage *msg;
  Run *run = g_new0 (Run, 1);
  guint64 samples = 0, skipped = 0, read = 0;
  gboolean is_live = FALSE;
  guint i;

  live.pipeline = gst_parse_launch ("videotestsrc is-live=true "
      "num-buffers=150 ! video/x-raw,width=640,height=360,framerate=30/1 "
      "! timeoverlay font-desc=\"Sans 36\" ! vocrtextdetect interval=0 "
      "threads=1 max-latency=300000000 other-scripts=false ! fakesink "
      "name=sink sync=true "
      "max-lateness=20000000", NULL);
  live.delays = g_array_new (FALSE, FALSE, sizeof (GstClockTimeDiff));
  run->buffers = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_buffer_unref);
  sink = gst_bin_get_by_name (GST_BIN (live.pipeline), "sink");
  g_object_set (sink, "signal-handoffs", TRUE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), run);
  gst_bus_set_sync_handler (GST_ELEMENT_BUS (live.pipeline),
      (GstBusSyncHandler) on_live_message, &live, NULL);
  gst_element_set_state (live.pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (live.pipeline),
      60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS);
  gst_message_unref (msg);

  /* the element's wait is part of the latency it reports */
  fail_unless (gst_element_query (live.pipeline, query));
  gst_query_parse_latency (query, &is_live, &min, NULL);
  fail_unless (is_live);
  fail_unless (min >= 300 * GST_MSECOND, "latency %" GST_TIME_FORMAT,
      GST_TIME_ARGS (min));
  gst_element_set_state (live.pipeline, GST_STATE_NULL);

  /* no frame was late at the sink, none dropped */
  fail_unless_equals_int (run->buffers->len, 150);
  /* what the worker had no time for was skipped, and counted */
  fail_unless (live.stats != NULL);
  gst_structure_get (live.stats, "samples", G_TYPE_UINT64, &samples,
      "skipped", G_TYPE_UINT64, &skipped, "recognised", G_TYPE_UINT64, &read,
      NULL);
  fail_unless_equals_uint64 (samples, 150);
  fail_unless (skipped > 0 && read > 0 && read + skipped <= 150);
  /* every reading reached the bus within the reported latency */
  fail_unless_equals_int (live.delays->len, read);
  for (i = 0; i < live.delays->len; i++) {
    GstClockTimeDiff delay = g_array_index (live.delays, GstClockTimeDiff, i);

    fail_unless (delay >= 0 && delay <= (GstClockTimeDiff) min,
        "reading %u after %" GST_STIME_FORMAT, i, GST_STIME_ARGS (delay));
  }

  gst_structure_free (live.stats);
  g_array_unref (live.delays);
  gst_query_unref (query);
  gst_object_unref (sink);
  gst_object_unref (live.pipeline);
  g_ptr_array_unref (run->buffers);
  g_free (run);
}

GST_END_TEST;

/* The sinks ask for the latency only once they have prerolled; the frames
 * before that must not wait for an engine still loading (four languages
 * take a while), nor for their reading beyond max-latency. */
GST_START_TEST (test_live_first_frames_are_not_late)
{
  Run *run = run_pipeline ("videotestsrc is-live=true num-buffers=15 "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! timeoverlay font-desc=\"Sans 36\" ! vocrtextdetect interval=0 "
      "threads=1 max-latency=100000000 languages=eng+deu+rus+ara "
      "! fakesink name=sink sync=true max-lateness=20000000");

  fail_unless (run->error == NULL);
  fail_unless_equals_int (run->buffers->len, 15);
  run_free (run);
}

GST_END_TEST;

static Suite *
vocrtextdetect_suite (void)
{
  Suite *s = suite_create ("vocrtextdetect");
  /* The build runs each case as a test of its own (CK_RUN_CASE), in
   * parallel but for the live one, which needs the CPU time of real time. */
  TCase *reading = tcase_create ("reading");
  TCase *pipeline = tcase_create ("pipeline");
  TCase *states = tcase_create ("states");
  TCase *change = tcase_create ("change");
  TCase *live = tcase_create ("live");

  suite_add_tcase (s, reading);
  suite_add_tcase (s, pipeline);
  suite_add_tcase (s, states);
  suite_add_tcase (s, change);
  suite_add_tcase (s, live);

  tcase_add_test (reading, test_reads_text_in_each_format_and_size);
  tcase_add_test (reading, test_boxes_lie_where_the_text_was_drawn);
  tcase_add_test (reading, test_interval_follows_timestamps);
  tcase_add_test (reading, test_message_fields);
  tcase_add_test (reading, test_threads_give_identical_results_in_order);
  tcase_add_test (reading, test_frames_without_text_have_empty_meta);
  tcase_add_test (reading, test_roi_reads_only_the_region);
  tcase_add_test (reading, test_reads_outlined_text_over_texture);
  tcase_add_test (reading, test_reads_vertical_text_with_its_angle);
  tcase_add_test (reading, test_reads_turned_text_with_its_angle);
  tcase_add_test (reading, test_sign_in_front_of_windows);
  tcase_add_test (reading, test_language_of_each_line);
  tcase_add_test (reading, test_latin_languages_told_apart);
  tcase_add_test (reading, test_names_split_at_the_dot_are_joined);
  tcase_add_test (reading, test_short_lines_of_other_scripts_are_read);
  tcase_add_test (reading, test_first_language_takes_what_no_dictionary_tells);
  tcase_add_test (reading, test_installed_latin_languages_are_read);
  tcase_add_test (reading, test_tightly_set_lines_are_read_alone_cleanly);
  tcase_add_test (reading, test_other_scripts_are_read);
  tcase_add_test (reading, test_glyphs_the_layout_misses_are_read);
  tcase_add_test (reading, test_glyph_lines_cut_by_their_region_are_read);
  tcase_add_test (reading, test_columns_are_lines_of_their_own);
  tcase_add_test (reading, test_capitals_are_read_as_capitals);
  tcase_add_test (reading, test_mixed_direction_line_has_no_direction_marks);
  tcase_add_test (reading, test_light_letters_on_a_band_between_darker_areas);
  tcase_add_test (reading, test_bullets_are_not_read);
  tcase_add_test (reading, test_large_full_stops_are_read);
  tcase_add_test (reading, test_words_cut_by_the_frame_edge_are_dropped);
  tcase_add_test (reading, test_signs_over_a_busy_picture);
  tcase_add_test (reading, test_large_characters_are_read_as_a_row);
  tcase_add_test (reading, test_large_characters_outside_the_roi_are_not_read);
  tcase_add_test (reading, test_turned_large_characters_are_levelled);

  tcase_add_test (pipeline, test_missing_language_is_a_clear_error);
  tcase_add_test (pipeline, test_unloadable_model_is_an_error);
  tcase_add_test (pipeline, test_invalid_settings_are_errors);
  tcase_add_test (pipeline, test_property_values_are_checked);
  tcase_add_test (pipeline, test_unsupported_caps_fail_negotiation);
  tcase_add_test (pipeline, test_frames_pass_through_without_copies);
  tcase_add_test (pipeline, test_meta_follows_videoscale);
  tcase_add_test (pipeline, test_eos_delivers_work_in_flight);
  tcase_add_test (pipeline, test_flushing_seeks_do_not_deadlock);
  tcase_add_test (pipeline, test_max_ocr_time_abandons_a_sample);
  tcase_add_test (pipeline, test_odd_frames);
  tcase_add_test (pipeline, test_resolution_change_mid_stream);

  tcase_add_test (states, test_state_cycling);
  tcase_add_test (states, test_properties_changed_while_playing);
  tcase_add_test (states, test_parallel_pipelines_stress);
  tcase_add_test (states, test_state_cycling_hundred_times);
  tcase_add_test (states, test_removed_from_a_running_pipeline);

  tcase_add_test (change, test_moving_background_is_not_reread);
  tcase_add_test (change, test_text_changing_in_place_is_reread);
  tcase_add_test (change, test_digit_replaced_in_a_still_slide_is_read);
  tcase_add_test (change, test_lines_gone_unseen_by_the_detector_are_not_carried);
  tcase_add_test (change, test_new_text_elsewhere_is_found);
  tcase_add_test (change, test_unchanged_text_beside_a_change_is_carried);
  tcase_add_test (change, test_line_changed_in_part_is_reread);
  tcase_add_test (change, test_lines_gone_from_a_reread_place_are_not_kept);
  tcase_add_test (change, test_thin_letters_ending_words_are_read);
  tcase_add_test (change, test_few_glyphs_replaced_are_reread);
  tcase_add_test (change, test_refresh_interval_forces_reads);
  tcase_add_test (change, test_change_messages);

  tcase_add_test (live, test_live_reads_other_scripts_once_loaded);
  tcase_add_test (live, test_live_never_delays_frames_beyond_its_latency);
  tcase_add_test (live, test_live_first_frames_are_not_late);
  return s;
}

/* GST_CHECK_MAIN, but a case the build asks for (CK_RUN_CASE) that the
 * suite lacks is an error: check would run no test, and pass. */
int
main (int argc, char **argv)
{
  const gchar *run_case = g_getenv ("CK_RUN_CASE");
  Suite *s;

  gst_check_init (&argc, &argv);
  s = vocrtextdetect_suite ();
  if (run_case && !suite_tcase (s, run_case)) {
    g_printerr ("vocrtextdetect has no test case '%s' (CK_RUN_CASE)\n",
        run_case);
    return 1;
  }
  return gst_check_run_suite (s, "vocrtextdetect", __FILE__);
}
