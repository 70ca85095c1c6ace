/* gst-vocr: vocrinsightsink on real pipelines. Timed text comes from a
 * SubRip file the test writes, rendered by textoverlay through subparse.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <gst/check/gstcheck.h>
#include "vocr.h"

#define TEXT_A "Alpha bravo charlie"
#define TEXT_B "Delta echo foxtrot"

/* A for 0-2 s, B for 2-4 s, A again for 4-6 s */
static const gchar *aba_srt =
    "1\n00:00:00,000 --> 00:00:02,000\n" TEXT_A "\n\n"
    "2\n00:00:02,000 --> 00:00:04,000\n" TEXT_B "\n\n"
    "3\n00:00:04,000 --> 00:00:06,000\n" TEXT_A "\n\n";

static gchar *tmpdir;

static void
setup (void)
{
  tmpdir = g_dir_make_tmp ("vocr-sink-XXXXXX", NULL);
  fail_unless (tmpdir != NULL);
}

static void
remove_tree (const gchar * path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const gchar *name;

  while (dir && (name = g_dir_read_name (dir))) {
    gchar *child = g_build_filename (path, name, NULL);

    if (g_file_test (child, G_FILE_TEST_IS_DIR))
      remove_tree (child);
    else
      g_unlink (child);
    g_free (child);
  }
  if (dir)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
teardown (void)
{
  remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static gchar *
tmp_path (const gchar * name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* The A-B-A clip, read every 500 ms, into @sink_props. */
static gchar *
aba_pipeline (const gchar * sink_props)
{
  gchar *srt = tmp_path ("aba.srt");
  gchar *desc;

  fail_unless (g_file_set_contents (srt, aba_srt, -1, NULL));
  desc = g_strdup_printf ("videotestsrc num-buffers=180 pattern=blue "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay name=o font-desc=\"Sans 24\" ! vocrtextdetect "
      "! vocrinsightsink name=sink %s "
      "filesrc location=%s ! subparse ! o.text_sink", sink_props, srt);
  g_free (srt);
  return desc;
}

/* Runs @pipeline (taken) to EOS (or error); returns the error message or
 * NULL and the vocr-insights message in @insights_msg. */
static GstMessage *
run_pipeline (GstElement * pipeline, GstMessage ** insights_msg)
{
  GstBus *bus;
  GstMessage *error = NULL;
  gboolean done = FALSE;

  bus = gst_element_get_bus (pipeline);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) ==
      GST_STATE_CHANGE_FAILURE) {
    error = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
    done = TRUE;
  }
  while (!done) {
    GstMessage *msg = gst_bus_timed_pop_filtered (bus, 120 * GST_SECOND,
        GST_MESSAGE_EOS | GST_MESSAGE_ERROR | GST_MESSAGE_ELEMENT);

    fail_unless (msg != NULL, "timeout");
    if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR) {
      error = msg;
      done = TRUE;
    } else if (gst_message_has_name (msg, "vocr-insights") && insights_msg) {
      *insights_msg = msg;
    } else {
      done = GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS;
      gst_message_unref (msg);
    }
  }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (bus);
  gst_object_unref (pipeline);
  return error;
}

static GstMessage *
run (const gchar * desc, GstMessage ** insights_msg)
{
  GstElement *pipeline = gst_parse_launch (desc, NULL);

  fail_unless (pipeline != NULL, "%s", desc);
  return run_pipeline (pipeline, insights_msg);
}

static GstClockTime
parse_time (JsonObject * o, const gchar * member)
{
  GstClockTime t;

  fail_unless (json_object_has_member (o, member), "no %s", member);
  fail_unless (gst_vocr_parse_time (json_object_get_string_member (o, member),
          &t), "bad time '%s'", json_object_get_string_member (o, member));
  return t;
}

static void
check_instance (JsonObject * instance, gdouble start, gdouble end)
{
  GstClockTime s = parse_time (instance, "start");
  GstClockTime e = parse_time (instance, "end");

  /* within one sample interval of the truth */
  fail_unless (ABS ((gdouble) s / GST_SECOND - start) <= 0.5,
      "start %" GST_TIME_FORMAT " vs %.1f", GST_TIME_ARGS (s), start);
  fail_unless (ABS ((gdouble) e / GST_SECOND - end) <= 0.5,
      "end %" GST_TIME_FORMAT " vs %.1f", GST_TIME_ARGS (e), end);
  /* a plain pipeline: running time is stream time */
  fail_unless_equals_uint64 (parse_time (instance, "adjustedStart"), s);
  fail_unless_equals_uint64 (parse_time (instance, "adjustedEnd"), e);
}

/* Parses Video Indexer JSON and returns its ocr array (owned by @parser). */
static JsonArray *
ocr_items (JsonParser * parser, const gchar * json, const gchar * title)
{
  JsonObject *root, *insights;
  JsonArray *videos;
  GError *error = NULL;

  fail_unless (json_parser_load_from_data (parser, json, -1, &error), "%s",
      error ? error->message : "");
  root = json_node_get_object (json_parser_get_root (parser));
  fail_unless_equals_string (json_object_get_string_member (root, "name"),
      title);
  videos = json_object_get_array_member (root, "videos");
  fail_unless_equals_int (json_array_get_length (videos), 1);
  insights = json_object_get_object_member (json_array_get_object_element
      (videos, 0), "insights");
  fail_unless (insights != NULL);
  fail_unless_equals_string (json_object_get_string_member (insights,
          "version"), "1.0.0.0");
  fail_unless_equals_string (json_object_get_string_member (insights,
          "sourceLanguage"), "en-US");
  fail_unless (json_object_has_member (insights, "duration"));
  fail_unless (json_object_has_member (insights, "language"));
  return json_object_get_array_member (insights, "ocr");
}

static void
check_aba_items (JsonArray * ocr)
{
  const gchar *fields[] = { "id", "text", "confidence", "left", "top",
    "width", "height", "angle", "language", "instances"
  };
  JsonObject *a, *b;
  JsonArray *instances;
  guint i;

  fail_unless_equals_int (json_array_get_length (ocr), 2);
  a = json_array_get_object_element (ocr, 0);
  b = json_array_get_object_element (ocr, 1);
  for (i = 0; i < G_N_ELEMENTS (fields); i++) {
    fail_unless (json_object_has_member (a, fields[i]), "%s", fields[i]);
    fail_unless (json_object_has_member (b, fields[i]), "%s", fields[i]);
  }
  fail_unless_equals_int (json_object_get_int_member (a, "id"), 1);
  fail_unless_equals_string (json_object_get_string_member (a, "text"),
      TEXT_A);
  fail_unless_equals_int (json_object_get_int_member (b, "id"), 2);
  fail_unless_equals_string (json_object_get_string_member (b, "text"),
      TEXT_B);
  fail_unless_equals_string (json_object_get_string_member (a, "language"),
      "en-US");
  fail_unless (json_object_get_double_member (a, "confidence") > 0.5);
  /* textoverlay centres the text in the frame by default */
  fail_unless (json_object_get_int_member (a, "top") > 250);
  fail_unless (json_object_get_int_member (a, "left") > 100);

  instances = json_object_get_array_member (a, "instances");
  fail_unless_equals_int (json_array_get_length (instances), 2);
  check_instance (json_array_get_object_element (instances, 0), 0.0, 2.0);
  check_instance (json_array_get_object_element (instances, 1), 4.0, 6.0);
  instances = json_object_get_array_member (b, "instances");
  fail_unless_equals_int (json_array_get_length (instances), 1);
  check_instance (json_array_get_object_element (instances, 0), 2.0, 4.0);
}

GST_START_TEST (test_json_has_one_item_per_text_with_instances)
{
  gchar *out = tmp_path ("aba.json"), *props, *desc, *json;
  GstMessage *insights = NULL, *error;
  const GstStructure *s;
  JsonParser *parser = json_parser_new ();
  guint items, instances;
  guint64 duration;

  props = g_strdup_printf ("location=%s", out);
  desc = aba_pipeline (props);
  error = run (desc, &insights);
  fail_unless (error == NULL);

  fail_unless (g_file_get_contents (out, &json, NULL, NULL));
  check_aba_items (ocr_items (parser, json, "aba.json"));

  /* the summary message */
  fail_unless (insights != NULL);
  s = gst_message_get_structure (insights);
  fail_unless (gst_structure_get (s, "items", G_TYPE_UINT, &items,
          "instances", G_TYPE_UINT, &instances, "duration", G_TYPE_UINT64,
          &duration, NULL));
  fail_unless_equals_string (gst_structure_get_string (s, "location"), out);
  fail_unless_equals_int (items, 2);
  fail_unless_equals_int (instances, 3);
  fail_unless_equals_uint64 (duration, 6 * GST_SECOND);

  gst_message_unref (insights);
  g_object_unref (parser);
  g_free (json);
  g_free (desc);
  g_free (props);
  g_free (out);
}

GST_END_TEST;

GST_START_TEST (test_subtitle_and_lines_formats)
{
  gchar *vtt = tmp_path ("aba.vtt"), *srt = tmp_path ("aba.srt.out");
  gchar *jsonl = tmp_path ("aba.jsonl"), *props, *desc, *text, **lines;
  guint i, starts = 0, ends = 0;

  props = g_strdup_printf ("location=%s format=webvtt", vtt);
  desc = aba_pipeline (props);
  fail_unless (run (desc, NULL) == NULL);
  g_free (desc);
  g_free (props);
  fail_unless (g_file_get_contents (vtt, &text, NULL, NULL));
  fail_unless (g_str_has_prefix (text, "WEBVTT\n\n"), "%s", text);
  fail_unless (strstr (text, "00:00:00.000 --> 00:00:02.000\n" TEXT_A "\n")
      != NULL, "%s", text);
  fail_unless (strstr (text, "00:00:02.000 --> 00:00:04.000\n" TEXT_B "\n")
      != NULL, "%s", text);
  fail_unless (strstr (text, "00:00:04.000 --> 00:00:06.000\n" TEXT_A "\n")
      != NULL, "%s", text);
  g_free (text);

  props = g_strdup_printf ("location=%s format=srt", srt);
  desc = aba_pipeline (props);
  fail_unless (run (desc, NULL) == NULL);
  g_free (desc);
  g_free (props);
  fail_unless (g_file_get_contents (srt, &text, NULL, NULL));
  fail_unless (g_str_has_prefix (text, "1\n00:00:00,000 --> 00:00:02,000\n"
          TEXT_A "\n\n2\n00:00:02,000 --> 00:00:04,000\n" TEXT_B "\n\n3\n"
          "00:00:04,000 --> 00:00:06,000\n" TEXT_A "\n"), "%s", text);
  g_free (text);

  props = g_strdup_printf ("location=%s format=jsonl", jsonl);
  desc = aba_pipeline (props);
  fail_unless (run (desc, NULL) == NULL);
  g_free (desc);
  g_free (props);
  fail_unless (g_file_get_contents (jsonl, &text, NULL, NULL));
  fail_unless (g_str_has_suffix (text, "\n"));
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] && *lines[i]; i++) {
    JsonParser *parser = json_parser_new ();
    JsonObject *o;
    const gchar *event;

    fail_unless (json_parser_load_from_data (parser, lines[i], -1, NULL),
        "line %u: %s", i, lines[i]);
    o = json_node_get_object (json_parser_get_root (parser));
    event = json_object_get_string_member (o, "event");
    if (g_strcmp0 (event, "start") == 0)
      starts++;
    else if (g_strcmp0 (event, "end") == 0)
      ends++;
    g_object_unref (parser);
  }
  fail_unless_equals_int (starts, 3);
  fail_unless_equals_int (ends, 3);
  g_strfreev (lines);
  g_free (text);

  g_free (vtt);
  g_free (srt);
  g_free (jsonl);
}

GST_END_TEST;

/* A from 0.7 s to 2.3 s, B in its place to 3.8 s: between the samples
 * (every 500 ms). */
static const gchar *between_srt =
    "1\n00:00:00,700 --> 00:00:02,300\n" TEXT_A "\n\n"
    "2\n00:00:02,300 --> 00:00:03,800\n" TEXT_B "\n\n";

/* Runs the clip of between_srt with @detect_props and checks the two
 * texts' instances against @times (start and end of A, of B), to a frame
 * and a half. */
static void
check_between_samples (const gchar * detect_props, const gdouble * times)
{
  gchar *out = tmp_path ("between.json"), *srt = tmp_path ("between.srt");
  gchar *desc, *json;
  JsonParser *parser = json_parser_new ();
  JsonArray *ocr;
  guint i;

  fail_unless (g_file_set_contents (srt, between_srt, -1, NULL));
  desc = g_strdup_printf ("videotestsrc num-buffers=150 pattern=blue "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay name=o font-desc=\"Sans 24\" ! vocrtextdetect %s "
      "! vocrinsightsink location=%s "
      "filesrc location=%s ! subparse ! o.text_sink", detect_props, out, srt);
  fail_unless (run (desc, NULL) == NULL);
  fail_unless (g_file_get_contents (out, &json, NULL, NULL));
  ocr = ocr_items (parser, json, "between.json");
  fail_unless_equals_int (json_array_get_length (ocr), 2);
  for (i = 0; i < 2; i++) {
    JsonObject *item = json_array_get_object_element (ocr, i);
    JsonArray *instances = json_object_get_array_member (item, "instances");
    JsonObject *inst;
    GstClockTime start, end;

    fail_unless_equals_string (json_object_get_string_member (item, "text"),
        i == 0 ? TEXT_A : TEXT_B);
    fail_unless_equals_int (json_array_get_length (instances), 1);
    inst = json_array_get_object_element (instances, 0);
    start = parse_time (inst, "start");
    end = parse_time (inst, "end");
    fail_unless (ABS ((gdouble) start / GST_SECOND - times[2 * i]) <= 0.05,
        "%s starts at %" GST_TIME_FORMAT ", not %.2f s", i ? "B" : "A",
        GST_TIME_ARGS (start), times[2 * i]);
    fail_unless (ABS ((gdouble) end / GST_SECOND - times[2 * i + 1]) <= 0.05,
        "%s ends at %" GST_TIME_FORMAT ", not %.2f s", i ? "B" : "A",
        GST_TIME_ARGS (end), times[2 * i + 1]);
  }
  g_object_unref (parser);
  g_free (json);
  g_free (desc);
  g_free (srt);
  g_free (out);
}

GST_START_TEST (test_instances_start_and_end_at_the_changed_frame)
{
  /* the frames between the samples date the changes */
  const gdouble at_frames[] = { 0.7, 2.3, 2.3, 3.8 };
  /* not compared (no change detection): the samples after them */
  const gdouble at_samples[] = { 1.0, 2.5, 2.5, 4.0 };

  check_between_samples ("", at_frames);
  check_between_samples ("change-threshold=0", at_samples);
}

GST_END_TEST;

static void
check_open_write_error (GstMessage * error, const gchar * path)
{
  GError *err = NULL;

  fail_unless (error != NULL);
  gst_message_parse_error (error, &err, NULL);
  fail_unless (g_error_matches (err, GST_RESOURCE_ERROR,
          GST_RESOURCE_ERROR_OPEN_WRITE), "%s", err->message);
  fail_unless (strstr (err->message, path) != NULL, "%s", err->message);
  g_error_free (err);
  gst_message_unref (error);
}

GST_START_TEST (test_unwritable_location_fails_at_start)
{
  gchar *missing = tmp_path ("no/such/dir/out.json");
  gchar *file = tmp_path ("plain-file");
  gchar *under_file = tmp_path ("plain-file/out.json");
  gchar *desc;

  desc = g_strdup_printf ("videotestsrc num-buffers=1 ! vocrtextdetect "
      "! vocrinsightsink location=%s", missing);
  check_open_write_error (run (desc, NULL), missing);
  g_free (desc);

  fail_unless (g_file_set_contents (file, "x", 1, NULL));
  desc = g_strdup_printf ("videotestsrc num-buffers=1 ! vocrtextdetect "
      "! vocrinsightsink location=%s format=jsonl", under_file);
  check_open_write_error (run (desc, NULL), under_file);
  g_free (desc);

  g_free (missing);
  g_free (file);
  g_free (under_file);
}

GST_END_TEST;

/* A live pipeline showing TEXT_A, stopped or flushed while running. */
static GstElement *
live_pipeline (const gchar * sink_props)
{
  gchar *desc = g_strdup_printf ("videotestsrc is-live=true pattern=blue "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay text=\"" TEXT_A "\" font-desc=\"Sans 24\" "
      "! vocrtextdetect ! queue ! vocrinsightsink name=sink %s", sink_props);
  GstElement *pipeline = gst_parse_launch (desc, NULL);

  fail_unless (pipeline != NULL);
  g_free (desc);
  fail_unless (gst_element_set_state (pipeline, GST_STATE_PLAYING) !=
      GST_STATE_CHANGE_FAILURE);
  return pipeline;
}

/* Waits (a minute at most) until the sink of @pipeline holds an item of
 * TEXT_A: a fixed wait would depend on how fast the engines load and read
 * (several times slower under sanitizers). */
static void
wait_for_text_a (GstElement * pipeline)
{
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean found = FALSE;

  while (!found && g_get_monotonic_time () < end) {
    gchar *json = NULL;

    g_usleep (100 * 1000);
    g_object_get (sink, "insights", &json, NULL);
    found = json && strstr (json, TEXT_A) != NULL;
    g_free (json);
  }
  gst_object_unref (sink);
  fail_unless (found, "no item of '%s' after a minute", TEXT_A);
}

/* Waits (a minute at most) until @path exists. */
static void
wait_for_file (const gchar * path)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS)
      && g_get_monotonic_time () < end)
    g_usleep (100 * 1000);
  fail_unless (g_file_test (path, G_FILE_TEST_EXISTS), "no %s", path);
}

static void
check_single_a (const gchar * json, const gchar * title)
{
  JsonParser *parser = json_parser_new ();
  JsonArray *ocr = ocr_items (parser, json, title);
  JsonObject *item;

  fail_unless_equals_int (json_array_get_length (ocr), 1);
  item = json_array_get_object_element (ocr, 0);
  fail_unless_equals_string (json_object_get_string_member (item, "text"),
      TEXT_A);
  fail_unless_equals_int (json_array_get_length (json_object_get_array_member
          (item, "instances")), 1);
  g_object_unref (parser);
}

GST_START_TEST (test_stopping_without_eos_keeps_results)
{
  gchar *out = tmp_path ("stopped.json"), *props, *json;
  GstElement *pipeline;

  props = g_strdup_printf ("location=%s", out);
  pipeline = live_pipeline (props);
  wait_for_text_a (pipeline);
  /* a little longer than the aggregator's two samples */
  g_usleep (G_USEC_PER_SEC);
  fail_if (g_file_test (out, G_FILE_TEST_EXISTS));
  /* as an application shutting down, or after an error elsewhere */
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (pipeline);

  fail_unless (g_file_get_contents (out, &json, NULL, NULL));
  check_single_a (json, "stopped.json");
  g_free (json);
  g_free (props);
  g_free (out);
}

GST_END_TEST;

GST_START_TEST (test_flush_interval_keeps_a_current_file)
{
  gchar *out = tmp_path ("live.json"), *props, *json, *current;
  GstElement *pipeline, *sink;

  props = g_strdup_printf ("location=%s flush-interval=1 title=camera", out);
  pipeline = live_pipeline (props);
  wait_for_text_a (pipeline);
  /* rewritten every second */
  g_usleep (1500 * 1000);
  wait_for_file (out);

  /* while still playing: a complete, valid file */
  fail_unless (g_file_get_contents (out, &json, NULL, NULL));
  check_single_a (json, "camera");
  g_free (json);

  /* the property gives the same document */
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_get (sink, "insights", &current, NULL);
  check_single_a (current, "camera");
  g_free (current);
  gst_object_unref (sink);

  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (pipeline);
  g_free (props);
  g_free (out);
}

GST_END_TEST;

GST_START_TEST (test_without_location_in_a_tee_branch)
{
  gchar *srt = tmp_path ("aba.srt"), *desc, *json;
  GstElement *pipeline, *sink;
  GstMessage *msg;
  JsonParser *parser = json_parser_new ();

  fail_unless (g_file_set_contents (srt, aba_srt, -1, NULL));
  desc = g_strdup_printf ("videotestsrc num-buffers=180 pattern=blue "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay name=o font-desc=\"Sans 24\" ! vocrtextdetect ! tee "
      "name=t ! queue ! vocrinsightsink name=sink title=clip t. ! queue "
      "! fakesink filesrc location=%s ! subparse ! o.text_sink", srt);
  pipeline = gst_parse_launch (desc, NULL);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline),
      120 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS);
  gst_message_unref (msg);

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_get (sink, "insights", &json, NULL);
  check_aba_items (ocr_items (parser, json, "clip"));

  g_free (json);
  g_object_unref (parser);
  gst_object_unref (sink);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (pipeline);
  g_free (desc);
  g_free (srt);
}

GST_END_TEST;

/* Stamps every frame with its capture time, as a camera or rtspsrc
 * add-reference-timestamp-meta=true does: 2026-11-27 08:30:00 UTC plus the
 * frame's PTS. */
#define CAPTURE_EPOCH (G_GUINT64_CONSTANT (1795768200) * GST_SECOND)

static GstPadProbeReturn
stamp_capture_time (GstPad * pad, GstPadProbeInfo * info, GstCaps * unix_caps)
{
  GstBuffer *buffer = gst_buffer_make_writable (GST_PAD_PROBE_INFO_BUFFER
      (info));

  gst_buffer_add_reference_timestamp_meta (buffer, unix_caps,
      CAPTURE_EPOCH + GST_BUFFER_PTS (buffer), GST_CLOCK_TIME_NONE);
  GST_PAD_PROBE_INFO_DATA (info) = buffer;
  return GST_PAD_PROBE_OK;
}

GST_START_TEST (test_wall_clock_times_from_the_source)
{
  gchar *srt = tmp_path ("aba.srt"), *desc, *json;
  GstElement *pipeline, *detect, *sink;
  GstPad *pad;
  GstMessage *msg;

  fail_unless (g_file_set_contents (srt, aba_srt, -1, NULL));
  desc = g_strdup_printf ("videotestsrc num-buffers=180 pattern=blue "
      "! video/x-raw,width=640,height=360,framerate=30/1 "
      "! textoverlay name=o font-desc=\"Sans 24\" ! vocrtextdetect name=d "
      "! vocrinsightsink name=sink filesrc location=%s ! subparse "
      "! o.text_sink", srt);
  pipeline = gst_parse_launch (desc, NULL);
  detect = gst_bin_get_by_name (GST_BIN (pipeline), "d");
  pad = gst_element_get_static_pad (detect, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, (GstPadProbeCallback)
      stamp_capture_time, gst_caps_new_empty_simple ("timestamp/x-unix"),
      (GDestroyNotify) gst_caps_unref);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline),
      120 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS);
  gst_message_unref (msg);

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_get (sink, "insights", &json, NULL);
  /* B was on screen from 2 s to 4 s of the stream: 08:30:02 to 08:30:04 */
  fail_unless (strstr (json, "\"wallClockStart\": \"2026-11-27T08:30:02.000Z\"")
      != NULL, "%s", json);
  fail_unless (strstr (json, "\"wallClockEnd\": \"2026-11-27T08:30:04.000Z\"")
      != NULL, "%s", json);

  g_free (json);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pad);
  gst_object_unref (detect);
  gst_object_unref (pipeline);
  g_free (desc);
  g_free (srt);
}

GST_END_TEST;

/* A ticker: a line of stories scrolling left through a 640 px frame at
 * 120 px/s. Its words are unique, in this order. */
static const gchar *const ticker_words[] = { "Harbour", "closes", "early",
  "tonight", "Markets", "rally", "again", "Storm", "warning", "along",
  "coast", "Final", "score", "twelve", "seven", NULL
};

#define TICKER_SPEED 120

/* Moves the ticker with each frame: textoverlay's deltax, set before the
 * frame reaches it. */
static GstPadProbeReturn
scroll_ticker (GstPad * pad, GstPadProbeInfo * info, gpointer overlay)
{
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);

  g_object_set (overlay, "deltax", 640 - (gint) (TICKER_SPEED *
          GST_BUFFER_PTS (buf) / GST_SECOND), NULL);
  return GST_PAD_PROBE_OK;
}

/* A ticker's line is a window on text moving through it, new in every
 * sample; its words are what come and go: each is an item, with one
 * instance, from when it is wholly in the frame to when it leaves
 * ((640 - its width) / 120 px/s, about 4.5 s), in the order they come.
 * Read as lines, the items would be the windows, each for a sample or
 * two. */
GST_START_TEST (test_ticker_words_are_items)
{
  gchar *out = tmp_path ("ticker.json"), *text, *desc, *json;
  GstElement *pipeline, *overlay;
  GstPad *pad;
  JsonParser *parser = json_parser_new ();
  JsonArray *ocr;
  GstClockTime last_start = 0;
  guint i, w, found = 0;

  text = g_strjoinv (" ", (gchar **) ticker_words);
  desc = g_strdup_printf ("videotestsrc num-buffers=250 pattern=blue "
      "! video/x-raw,width=640,height=360,framerate=25/1 "
      "! textoverlay name=o text=\"%s\" font-desc=\"Sans 18\" "
      "halignment=left valignment=bottom wrap-mode=-1 xpad=0 ! vocrtextdetect "
      "! vocrinsightsink location=%s", text, out);
  pipeline = gst_parse_launch (desc, NULL);
  fail_unless (pipeline != NULL);
  overlay = gst_bin_get_by_name (GST_BIN (pipeline), "o");
  pad = gst_element_get_static_pad (overlay, "video_sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, scroll_ticker, overlay,
      NULL);
  fail_unless (run_pipeline (pipeline, NULL) == NULL);

  fail_unless (g_file_get_contents (out, &json, NULL, NULL));
  ocr = ocr_items (parser, json, "ticker.json");
  for (i = 0; i < json_array_get_length (ocr); i++) {
    JsonObject *item = json_array_get_object_element (ocr, i);
    const gchar *item_text = json_object_get_string_member (item, "text");
    JsonArray *instances = json_object_get_array_member (item, "instances");
    JsonObject *first = json_array_get_object_element (instances, 0);

    /* until two words were read in two samples, the line is read whole */
    if (strchr (item_text, ' '))
      fail_unless (parse_time (first, "start") < 2 * GST_SECOND, "%s",
          item_text);
  }
  for (w = 0; ticker_words[w]; w++) {
    for (i = 0; i < json_array_get_length (ocr); i++) {
      JsonObject *item = json_array_get_object_element (ocr, i);
      JsonArray *instances;
      GstClockTime start, end;

      if (!g_str_equal (json_object_get_string_member (item, "text"),
              ticker_words[w]))
        continue;
      instances = json_object_get_array_member (item, "instances");
      fail_unless_equals_int (json_array_get_length (instances), 1);
      start = parse_time (json_array_get_object_element (instances, 0),
          "start");
      end = parse_time (json_array_get_object_element (instances, 0), "end");
      fail_unless (start >= last_start, "%s comes before the word before it",
          ticker_words[w]);
      last_start = start;
      /* the clip's end cuts the last words' instances */
      fail_unless (end - start >= 3 * GST_SECOND || end >= 9 * GST_SECOND,
          "%s for %" GST_TIME_FORMAT, ticker_words[w],
          GST_TIME_ARGS (end - start));
      fail_unless (end - start <= 6 * GST_SECOND, "%s for %" GST_TIME_FORMAT,
          ticker_words[w], GST_TIME_ARGS (end - start));
      found++;
      break;
    }
  }
  /* the last words are still coming in when the clip ends */
  fail_unless (found >= 10, "%u words are items", found);

  gst_object_unref (pad);
  gst_object_unref (overlay);
  g_object_unref (parser);
  g_free (json);
  g_free (desc);
  g_free (text);
  g_free (out);
}

GST_END_TEST;

static Suite *
vocrinsightsink_suite (void)
{
  Suite *s = suite_create ("vocrinsightsink");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_json_has_one_item_per_text_with_instances);
  tcase_add_test (tc, test_subtitle_and_lines_formats);
  tcase_add_test (tc, test_instances_start_and_end_at_the_changed_frame);
  tcase_add_test (tc, test_unwritable_location_fails_at_start);
  tcase_add_test (tc, test_stopping_without_eos_keeps_results);
  tcase_add_test (tc, test_flush_interval_keeps_a_current_file);
  tcase_add_test (tc, test_without_location_in_a_tee_branch);
  tcase_add_test (tc, test_wall_clock_times_from_the_source);
  tcase_add_test (tc, test_ticker_words_are_items);
  return s;
}

GST_CHECK_MAIN (vocrinsightsink);
