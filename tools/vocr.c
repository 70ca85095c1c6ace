/* vocr: index the text shown in a video from the command line
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds `uridecodebin ! videoconvert ! vocrtextdetect ! vocrinsightsink`
 * for a file or URI, shows progress on stderr, and writes the insights.
 * Exit status: 0 done (also after a Ctrl-C that finished cleanly),
 * 1 runtime error, 2 usage error, 130 aborted by a second Ctrl-C.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <json-glib/json-glib.h>
#include <tesseract/capi.h>
#include "vocr.h"

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2
#define EXIT_ABORTED 130
#define SUMMARY_LINES 10

/* The demo: known text over a moving picture, drawn on the spot. */
static const gchar demo_srt[] =
    "1\n00:00:00,000 --> 00:00:03,000\nWelcome to gst-vocr\n\n"
    "2\n00:00:03,000 --> 00:00:06,000\nText found in video\n\n"
    "3\n00:00:06,000 --> 00:00:08,000\nWelcome to gst-vocr\n\n";

typedef struct
{
  /* options */
  gchar *output;
  gchar *format_name;
  gchar *languages;
  gboolean only_languages;
  gdouble interval;
  gint threads;
  gdouble min_confidence;
  gchar *roi;
  gboolean quiet;
  gboolean demo;
  gboolean version;

  GstVocrInsightsFormat format;
  gchar *input;                 /* as the user wrote it */
  gchar *location;              /* the file the sink writes */
  gchar *tmpdir;                /* for output to stdout and the demo */

  GMainLoop *loop;
  GstElement *pipeline, *convert, *sink;
  gboolean live;
  gboolean video_linked;
  guint preroll_timer;          /* until the first picture reached the sink */
  guint interrupts;
  gint exit_code;
  gchar *missing_plugin;
  gint64 started;               /* monotonic µs */
  gint64 last_line;             /* monotonic µs of the last plain progress */
  gboolean progress_shown;
  gboolean tty;
} App;

static gchar *
format_duration (GstClockTime t)
{
  guint64 s = GST_CLOCK_TIME_IS_VALID (t) ? t / GST_SECOND : 0;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u:%02u", s / 3600,
      (guint) (s / 60 % 60), (guint) (s % 60));
}

static void
clear_progress (App * app)
{
  if (app->progress_shown && app->tty)
    g_printerr ("\r\033[K");
  app->progress_shown = FALSE;
}

static void
fail (App * app, gint code, const gchar * format, ...) G_GNUC_PRINTF (3, 4);

/* posted by on_no_more_pads() when the input has no video stream */
#define NO_VIDEO_MESSAGE "vocr-no-video"

/* Reports one line and stops with @code; only the first failure counts.
 * Main thread only (the bus watch, signal and timeout sources). */
static void
fail (App * app, gint code, const gchar * format, ...)
{
  va_list args;
  gchar *msg;

  if (app->exit_code != 0)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  clear_progress (app);
  g_printerr ("vocr: %s\n", msg);
  g_free (msg);
  app->exit_code = code;
  g_main_loop_quit (app->loop);
}

/* ---- progress ---- */

static guint
items_found (App * app)
{
  guint items = 0;

  g_object_get (app->sink, "items", &items, NULL);
  return items;
}

static gboolean
show_progress (gpointer data)
{
  App *app = data;
  gint64 now = g_get_monotonic_time ();
  gdouble elapsed = (now - app->started) / (gdouble) G_USEC_PER_SEC;
  gint64 position = -1, duration = -1;
  guint items = items_found (app);
  gchar *line;

  gst_element_query_position (app->pipeline, GST_FORMAT_TIME, &position);
  gst_element_query_duration (app->pipeline, GST_FORMAT_TIME, &duration);

  if (app->live || duration <= 0 || position < 0) {
    gchar *e = format_duration (elapsed * GST_SECOND);

    line = g_strdup_printf ("elapsed %s, %u items found", e, items);
    g_free (e);
  } else {
    gdouble fraction = CLAMP ((gdouble) position / duration, 0.0, 1.0);
    gdouble speed = elapsed > 0 ? position / (elapsed * GST_SECOND) : 0;
    /* both arms GstClockTime: in a double expression NONE (2^64 - 1)
     * rounds up to 2^64, which no GstClockTime holds */
    GstClockTime left = speed > 0 ?
        (GstClockTime) ((duration - position) / speed) : GST_CLOCK_TIME_NONE;
    gchar *eta = format_duration (left);
    gchar bar[31];
    guint filled = fraction * 30, i;

    for (i = 0; i < 30; i++)
      bar[i] = i < filled ? '#' : '.';
    bar[30] = '\0';
    line = g_strdup_printf ("[%s] %3.0f%%  %.1fx real time  ETA %s  "
        "%u items", bar, fraction * 100, speed, eta, items);
    g_free (eta);
  }

  if (app->tty) {
    g_printerr ("\r\033[K%s", line);
    app->progress_shown = TRUE;
  } else if (now - app->last_line >= 10 * G_USEC_PER_SEC) {
    /* a log, not a terminal: a plain line every 10 s */
    g_printerr ("vocr: %s\n", line);
    app->last_line = now;
  }
  g_free (line);
  return G_SOURCE_CONTINUE;
}

/* ---- the pipeline ---- */

static gboolean
on_interrupt (gpointer data)
{
  App *app = data;

  app->interrupts++;
  clear_progress (app);
  if (app->interrupts == 1) {
    /* end the stream: the sink writes everything recognised so far */
    if (!app->quiet)
      g_printerr ("vocr: interrupted, finishing (Ctrl-C again to abort)\n");
    gst_element_send_event (app->pipeline, gst_event_new_eos ());
    return G_SOURCE_CONTINUE;
  }
  fail (app, EXIT_ABORTED, "aborted");
  return G_SOURCE_REMOVE;
}

static void
on_pad_added (GstElement * decodebin, GstPad * pad, App * app)
{
  GstPad *sinkpad = gst_element_get_static_pad (app->convert, "sink");
  GstCaps *caps = gst_pad_query_caps (pad, NULL);

  /* the first video stream is the one read */
  if (!gst_pad_is_linked (sinkpad) && caps
      && g_str_has_prefix (gst_structure_get_name (gst_caps_get_structure
              (caps, 0)), "video/")) {
    app->video_linked = gst_pad_link (pad, sinkpad) == GST_PAD_LINK_OK;
  }
  if (caps)
    gst_caps_unref (caps);
  gst_object_unref (sinkpad);
}

/* On a streaming thread, maybe before the main loop runs: a quit then
 * would be lost, and the error that follows ignored as a second failure
 * (vocr hung on a truncated MP4). The bus watch reports it instead. */
static void
on_no_more_pads (GstElement * decodebin, App * app)
{
  if (!app->video_linked)
    gst_element_post_message (decodebin,
        gst_message_new_application (GST_OBJECT (decodebin),
            gst_structure_new_empty (NO_VIDEO_MESSAGE)));
}

/* GStreamer 1.22's qtdemux can stop, now and then, on a truncated MP4
 * without an error or an end (a pipeline of uridecodebin and fakesink
 * alone: 1 run in 400 on a busy machine), and nothing would ever end the
 * run. A non-live input that gives no picture in this long is reported. */
#define PREROLL_SECONDS 30

static gboolean
on_preroll_timeout (gpointer data)
{
  App *app = data;

  app->preroll_timer = 0;
  fail (app, EXIT_RUNTIME, "%s: nothing could be decoded in %d s (a damaged "
      "file, or a source that stopped answering)", app->input ? app->input :
      "demo", PREROLL_SECONDS);
  return G_SOURCE_REMOVE;
}

static gboolean
on_bus_message (GstBus * bus, GstMessage * msg, gpointer data)
{
  App *app = data;

  switch (GST_MESSAGE_TYPE (msg)) {
    case GST_MESSAGE_EOS:
      g_main_loop_quit (app->loop);
      break;
    case GST_MESSAGE_ERROR:{
      GError *error = NULL;

      gst_message_parse_error (msg, &error, NULL);
      if (app->missing_plugin)
        fail (app, EXIT_RUNTIME, "%s: cannot decode it: missing %s (Debian: "
            "apt install gstreamer1.0-libav gstreamer1.0-plugins-good "
            "gstreamer1.0-plugins-bad)", app->input, app->missing_plugin);
      else if (g_error_matches (error, GST_STREAM_ERROR,
              GST_STREAM_ERROR_TYPE_NOT_FOUND)
          || g_error_matches (error, GST_STREAM_ERROR,
              GST_STREAM_ERROR_WRONG_TYPE))
        fail (app, EXIT_RUNTIME, "%s: not a video (%s)", app->input,
            error->message);
      else if (g_error_matches (error, GST_STREAM_ERROR,
              GST_STREAM_ERROR_FAILED) && GST_MESSAGE_SRC (msg)
          && g_strcmp0 (GST_MESSAGE_SRC_NAME (msg), "source") == 0)
        /* uridecodebin's source says no more than "Internal data stream
         * error" when a server does not answer */
        fail (app, EXIT_RUNTIME, "%s: could not read it (unreachable, or the "
            "connection failed)", app->input);
      else if (g_error_matches (error, GST_CORE_ERROR,
              GST_CORE_ERROR_MISSING_PLUGIN) && !app->video_linked)
        /* uridecodebin, told to decode video only, says a plug-in is
         * missing when no stream is video (a WAV file); a video stream
         * it cannot decode is named by a missing-plugin message first */
        fail (app, EXIT_RUNTIME, "%s: no video stream in this input",
            app->input);
      else if (GST_MESSAGE_SRC (msg) && (g_str_has_prefix
              (GST_MESSAGE_SRC_NAME (msg), "vocr")))
        fail (app, EXIT_RUNTIME, "%s", error->message);
      else
        fail (app, EXIT_RUNTIME, "%s: %s", app->input, error->message);
      g_error_free (error);
      break;
    }
    case GST_MESSAGE_ASYNC_DONE:
      if (GST_MESSAGE_SRC (msg) == GST_OBJECT (app->pipeline)
          && app->preroll_timer) {
        g_source_remove (app->preroll_timer);
        app->preroll_timer = 0;
      }
      break;
    case GST_MESSAGE_APPLICATION:
      if (gst_message_has_name (msg, NO_VIDEO_MESSAGE))
        fail (app, EXIT_RUNTIME, "%s: no video stream in this input",
            app->input);
      break;
    case GST_MESSAGE_ELEMENT:
      if (gst_is_missing_plugin_message (msg) && !app->missing_plugin)
        app->missing_plugin =
            gst_missing_plugin_message_get_description (msg);
      break;
    default:
      break;
  }
  return G_SOURCE_CONTINUE;
}

static gchar *
input_uri (App * app, GError ** error)
{
  if (gst_uri_is_valid (app->input))
    return g_strdup (app->input);
  if (!g_file_test (app->input, G_FILE_TEST_EXISTS)) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
        "%s: no such file", app->input);
    return NULL;
  }
  if (g_file_test (app->input, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
        "%s: is a directory, not a video", app->input);
    return NULL;
  }
  if (g_access (app->input, R_OK) != 0) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
        "%s: cannot be read", app->input);
    return NULL;
  }
  return gst_filename_to_uri (app->input, error);
}

static GstElement *
make (const gchar * factory, GError ** error)
{
  GstElement *e = gst_element_factory_make (factory, NULL);

  if (e == NULL)
    g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
        "the GStreamer element '%s' is not installed", factory);
  return e;
}

static gboolean
build_pipeline (App * app, GError ** error)
{
  GstElement *detect;
  GstVocrInsightsFormat format = app->format;

  if (app->demo) {
    gchar *srt = g_build_filename (app->tmpdir, "demo.srt", NULL);
    gchar *desc;

    if (!g_file_set_contents (srt, demo_srt, -1, error)) {
      g_free (srt);
      return FALSE;
    }
    desc = g_strdup_printf ("videotestsrc num-buffers=240 pattern=blue "
        "! video/x-raw,width=1280,height=720,framerate=30/1 "
        "! textoverlay name=overlay font-desc=\"Sans 32\" valignment=bottom "
        "! videoconvert name=convert filesrc location=\"%s\" ! subparse "
        "! overlay.text_sink", srt);
    app->pipeline = gst_parse_launch (desc, error);
    g_free (desc);
    g_free (srt);
    if (app->pipeline == NULL)
      return FALSE;
    app->convert = gst_bin_get_by_name (GST_BIN (app->pipeline), "convert");
    gst_object_unref (app->convert);
  } else {
    GstElement *decode;
    GstCaps *caps;
    gchar *uri = input_uri (app, error);

    if (uri == NULL)
      return FALSE;
    app->pipeline = gst_pipeline_new ("vocr");
    decode = make ("uridecodebin", error);
    app->convert = decode ? make ("videoconvert", error) : NULL;
    if (app->convert == NULL) {
      g_free (uri);
      if (decode)
        gst_object_unref (gst_object_ref_sink (decode));
      return FALSE;
    }
    /* decode video only; other streams are not even exposed */
    caps = gst_caps_from_string ("video/x-raw(ANY)");
    g_object_set (decode, "uri", uri, "caps", caps, "expose-all-streams",
        FALSE, NULL);
    gst_caps_unref (caps);
    g_free (uri);
    g_signal_connect (decode, "pad-added", G_CALLBACK (on_pad_added), app);
    g_signal_connect (decode, "no-more-pads", G_CALLBACK (on_no_more_pads),
        app);
    gst_bin_add_many (GST_BIN (app->pipeline), decode, app->convert, NULL);
  }

  detect = make ("vocrtextdetect", error);
  app->sink = detect ? make ("vocrinsightsink", error) : NULL;
  if (app->sink == NULL) {
    if (detect)
      gst_object_unref (gst_object_ref_sink (detect));
    return FALSE;
  }
  gst_bin_add_many (GST_BIN (app->pipeline), detect, app->sink, NULL);
  if (!gst_element_link_many (app->convert, detect, app->sink, NULL)) {
    g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_NEGOTIATION,
        "could not link the OCR elements");
    return FALSE;
  }

  if (app->languages)
    g_object_set (detect, "languages", app->languages, NULL);
  if (app->only_languages)
    g_object_set (detect, "other-scripts", FALSE, NULL);
  if (app->interval >= 0)
    g_object_set (detect, "interval",
        (guint64) (app->interval * GST_SECOND + 0.5), NULL);
  if (app->threads > 0)
    g_object_set (detect, "threads", (guint) app->threads, NULL);
  if (app->min_confidence >= 0)
    g_object_set (detect, "min-confidence", app->min_confidence, NULL);
  if (app->roi)
    g_object_set (detect, "roi", app->roi, NULL);

  g_object_set (app->sink, "location", app->location, "format", format,
      NULL);
  if (app->demo)
    g_object_set (app->sink, "title", "gst-vocr demo", NULL);
  else if (!gst_uri_is_valid (app->input)) {
    gchar *base = g_path_get_basename (app->input);

    g_object_set (app->sink, "title", base, NULL);
    g_free (base);
  }
  return TRUE;
}

/* ---- the summary ---- */

static void
print_summary (App * app, gdouble seconds)
{
  JsonParser *parser = json_parser_new ();
  gchar *json = NULL;
  JsonArray *ocr = NULL;
  JsonObject *root;
  guint i, n_items = 0, n_instances = 0;
  gdouble duration = 0;

  g_object_get (app->sink, "insights", &json, NULL);
  if (json && json_parser_load_from_data (parser, json, -1, NULL)) {
    root = json_node_get_object (json_parser_get_root (parser));
    duration = json_node_get_double (json_object_get_member (root,
            "durationInSeconds"));
    ocr = json_object_get_array_member (json_object_get_object_member
        (json_array_get_object_element (json_object_get_array_member (root,
                    "videos"), 0), "insights"), "ocr");
    n_items = json_array_get_length (ocr);
  }
  for (i = 0; i < n_items; i++)
    n_instances += json_array_get_length (json_object_get_array_member
        (json_array_get_object_element (ocr, i), "instances"));

  g_printerr ("vocr: read %.1f s of video in %.1f s (%.1fx real time): "
      "%u items, %u instances%s%s\n", duration, seconds,
      seconds > 0 ? duration / seconds : 0.0, n_items, n_instances,
      app->output ? " -> " : "",
      app->output && strcmp (app->output, "-") ? app->output :
      app->output ? "stdout" : "");
  for (i = 0; i < MIN (n_items, SUMMARY_LINES); i++) {
    JsonObject *item = json_array_get_object_element (ocr, i);
    JsonArray *instances = json_object_get_array_member (item, "instances");
    JsonObject *first = json_array_get_object_element (instances, 0);

    g_printerr ("  %-10s %-10s %s%s\n",
        json_object_get_string_member (first, "start"),
        json_object_get_string_member (first, "end"),
        json_object_get_string_member (item, "text"),
        json_array_get_length (instances) > 1 ? "  (and later)" : "");
  }
  if (n_items > SUMMARY_LINES)
    g_printerr ("  ... and %u more\n", n_items - SUMMARY_LINES);
  g_free (json);
  g_object_unref (parser);
}

/* ---- options ---- */

static const gchar *
default_extension (GstVocrInsightsFormat format)
{
  switch (format) {
    case GST_VOCR_INSIGHTS_FORMAT_WEBVTT:
      return ".vtt";
    case GST_VOCR_INSIGHTS_FORMAT_SRT:
      return ".srt";
    case GST_VOCR_INSIGHTS_FORMAT_JSONL:
      return ".ocr.jsonl";
    default:
      return ".ocr.json";
  }
}

/* Where the sink writes: the -o file; for stdout a temporary file copied
 * out at the end (the sink replaces files atomically, which a terminal or
 * pipe is not), except JSON Lines which stream; without -o, the input's
 * name with the format's extension in the current directory. */
static void
choose_location (App * app)
{
  gchar *base, *dot;

  if (app->output && strcmp (app->output, "-") == 0) {
    app->location = app->format == GST_VOCR_INSIGHTS_FORMAT_JSONL ?
        g_strdup ("/dev/stdout") :
        g_build_filename (app->tmpdir, "insights", NULL);
    return;
  }
  if (app->output) {
    app->location = g_strdup (app->output);
    return;
  }
  if (app->demo) {
    app->output = g_strdup ("-");
    choose_location (app);
    return;
  }
  base = g_path_get_basename (app->input);
  /* strip a URI's query and the extension */
  base[strcspn (base, "?#")] = '\0';
  dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  if (*base == '\0' || strcmp (base, "/") == 0) {
    g_free (base);
    base = g_strdup ("video");
  }
  app->location = g_strconcat (base, default_extension (app->format), NULL);
  app->output = g_strdup (app->location);
  g_free (base);
}

static gint
parse_options (App * app, gint * argc, gchar *** argv)
{
  const GOptionEntry entries[] = {
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &app->output,
        "Write the insights to FILE ('-' for standard output; default: the "
          "input's name with .ocr.json, .vtt, .srt or .ocr.jsonl)", "FILE"},
    {"format", 'f', 0, G_OPTION_ARG_STRING, &app->format_name,
        "json (Video Indexer, default), webvtt, srt or jsonl", "FORMAT"},
    {"languages", 'l', 0, G_OPTION_ARG_STRING, &app->languages,
        "Tesseract languages joined by '+' (default: eng)", "eng+deu"},
    {"only-languages", 'L', 0, G_OPTION_ARG_NONE, &app->only_languages,
          "Read only those languages (default: also other scripts and "
          "Latin-script languages whose models are installed)", NULL},
    {"interval", 'i', 0, G_OPTION_ARG_DOUBLE, &app->interval,
        "Seconds between sampled frames (default: 0.5; 0: every frame)",
          "SECONDS"},
    {"threads", 't', 0, G_OPTION_ARG_INT, &app->threads,
        "OCR threads (default: one per CPU core)", "N"},
    {"min-confidence", 'c', 0, G_OPTION_ARG_DOUBLE, &app->min_confidence,
        "Drop lines read with less confidence, 0-100 (default: 50)", "N"},
    {"roi", 'r', 0, G_OPTION_ARG_STRING, &app->roi,
        "Read only this region of the frame, in pixels", "x,y,w,h"},
    {"quiet", 'q', 0, G_OPTION_ARG_NONE, &app->quiet,
        "Print nothing but errors", NULL},
    {"demo", 0, 0, G_OPTION_ARG_NONE, &app->demo,
        "Read a short clip made on the spot instead of INPUT", NULL},
    {"version", 'V', 0, G_OPTION_ARG_NONE, &app->version,
        "Print the versions and exit", NULL},
    {NULL}
  };
  GOptionContext *ctx = g_option_context_new ("INPUT");
  GError *error = NULL;
  GEnumClass *formats;
  GEnumValue *value;
  gboolean ok;

  g_option_context_set_summary (ctx, "Find and read the text shown in a "
      "video, and write when and where it appears.\nINPUT is a file or any "
      "URI GStreamer can open (file://, http(s)://, rtsp://).");
  g_option_context_set_description (ctx, "Examples:\n"
      "  vocr talk.mp4                      writes talk.ocr.json\n"
      "  vocr -f srt -o film.srt film.mkv   burnt-in subtitles as SubRip\n"
      "  vocr -l eng+deu rtsp://camera/1    a live camera, Ctrl-C to stop\n"
      "  vocr --demo\n\n"
      "Exit status: 0 done, 1 error, 2 usage error.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  ok = g_option_context_parse (ctx, argc, argv, &error);
  g_option_context_free (ctx);
  if (!ok) {
    g_printerr ("vocr: %s (see vocr --help)\n", error->message);
    g_error_free (error);
    return EXIT_USAGE;
  }
  if (app->version)
    return 0;

  formats = g_type_class_ref (GST_VOCR_TYPE_INSIGHTS_FORMAT);
  value = g_enum_get_value_by_nick (formats, app->format_name ?
      app->format_name : "json");
  g_type_class_unref (formats);
  if (value == NULL) {
    g_printerr ("vocr: unknown format '%s': use json, webvtt, srt or jsonl\n",
        app->format_name);
    return EXIT_USAGE;
  }
  app->format = value->value;

  if (*argc > 2 || (*argc == 2) == app->demo) {
    g_printerr ("vocr: %s (see vocr --help)\n", app->demo ?
        "--demo takes no INPUT" : *argc > 2 ? "one INPUT at a time" :
        "no INPUT given");
    return EXIT_USAGE;
  }
  if (app->threads < 0 || app->threads > 64 || app->min_confidence > 100
      || (app->interval < 0 && app->interval != -1)) {
    g_printerr ("vocr: --threads takes 1-64, --min-confidence 0-100, "
        "--interval seconds >= 0\n");
    return EXIT_USAGE;
  }
  if (app->roi) {
    GstVideoRectangle roi;
    gboolean has_roi;

    if (!gst_vocr_parse_roi (app->roi, &roi, &has_roi)) {
      g_printerr ("vocr: --roi takes x,y,width,height in pixels, e.g. "
          "0,600,1280,120\n");
      return EXIT_USAGE;
    }
  }
  if (!app->demo)
    app->input = g_strdup ((*argv)[1]);
  return -1;
}

/* Copies the finished output to stdout for "-o -". */
static gboolean
copy_to_stdout (App * app)
{
  gchar *contents;
  gsize length;
  gboolean ok;

  /* JSON Lines went to stdout as they came */
  if (app->format == GST_VOCR_INSIGHTS_FORMAT_JSONL)
    return TRUE;
  if (!g_file_get_contents (app->location, &contents, &length, NULL))
    return FALSE;
  ok = fwrite (contents, 1, length, stdout) == length && fflush (stdout) == 0;
  g_free (contents);
  return ok;
}

static gint
run (App * app)
{
  GstStateChangeReturn ret;
  GError *error = NULL;
  GstBus *bus;
  guint progress = 0, sigint;
  gint64 finished;

  app->tmpdir = g_dir_make_tmp ("vocr-XXXXXX", NULL);
  choose_location (app);
  if (!build_pipeline (app, &error)) {
    g_printerr ("vocr: %s\n", error->message);
    g_error_free (error);
    return EXIT_RUNTIME;
  }

  app->loop = g_main_loop_new (NULL, FALSE);
  bus = gst_element_get_bus (app->pipeline);
  gst_bus_add_watch (bus, on_bus_message, app);
  gst_object_unref (bus);
  sigint = g_unix_signal_add (SIGINT, on_interrupt, app);

  app->started = app->last_line = g_get_monotonic_time ();
  ret = gst_element_set_state (app->pipeline, GST_STATE_PLAYING);
  app->live = ret == GST_STATE_CHANGE_NO_PREROLL;
  if (ret == GST_STATE_CHANGE_FAILURE) {
    /* the bus says why */
    g_main_context_iteration (NULL, FALSE);
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
    if (app->exit_code == 0)
      fail (app, EXIT_RUNTIME, "%s: cannot be played", app->input ?
          app->input : "demo");
  } else {
    if (!app->quiet)
      progress = g_timeout_add (app->tty ? 250 : 1000, show_progress, app);
    if (ret == GST_STATE_CHANGE_ASYNC)
      app->preroll_timer = g_timeout_add_seconds (PREROLL_SECONDS,
          on_preroll_timeout, app);
    g_main_loop_run (app->loop);
  }
  finished = g_get_monotonic_time ();
  if (app->preroll_timer) {
    g_source_remove (app->preroll_timer);
    app->preroll_timer = 0;
  }

  if (progress)
    g_source_remove (progress);
  clear_progress (app);
  /* stopping writes what was recognised, even after an error */
  gst_element_set_state (app->pipeline, GST_STATE_NULL);
  g_source_remove (sigint);

  if (app->exit_code == 0 && app->output && strcmp (app->output, "-") == 0
      && !copy_to_stdout (app))
    fail (app, EXIT_RUNTIME, "could not write to standard output");
  if (app->exit_code == 0 && !app->quiet)
    print_summary (app, (finished - app->started) /
        (gdouble) G_USEC_PER_SEC);
  return app->exit_code;
}

static void
app_clear (App * app)
{
  if (app->tmpdir) {
    gchar *insights = g_build_filename (app->tmpdir, "insights", NULL);
    gchar *srt = g_build_filename (app->tmpdir, "demo.srt", NULL);

    g_unlink (insights);
    g_unlink (srt);
    g_rmdir (app->tmpdir);
    g_free (insights);
    g_free (srt);
  }
  if (app->pipeline)
    gst_object_unref (app->pipeline);
  if (app->loop)
    g_main_loop_unref (app->loop);
  g_free (app->output);
  g_free (app->format_name);
  g_free (app->languages);
  g_free (app->roi);
  g_free (app->input);
  g_free (app->location);
  g_free (app->tmpdir);
  g_free (app->missing_plugin);
}

int
main (int argc, char **argv)
{
  App app = { 0 };
  gint code;

  app.interval = -1;
  app.min_confidence = -1;
  app.tty = isatty (STDERR_FILENO);
  setlocale (LC_ALL, "");

  /* GStreamer's own options (--gst-debug...) stay available */
  gst_init (&argc, &argv);
  code = parse_options (&app, &argc, &argv);
  if (app.version)
    g_print ("vocr (gst-vocr) %s\n%s\nTesseract %s\n", VERSION,
        gst_version_string (), TessVersion ());
  else if (code < 0)
    code = run (&app);
  app_clear (&app);
  return code;
}
