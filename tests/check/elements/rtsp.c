/* gst-vocr: a live RTSP camera, served on the loopback by the test itself
 * with libgstrtspserver, read by rtspsrc ! ... ! vocrtextdetect !
 * vocrinsightsink; the server goes away mid-stream.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <gst/check/gstcheck.h>
#include <gst/rtsp-server/rtsp-server.h>
#include "vocr.h"

#define TEXT "Gate camera north"

typedef struct
{
  GstRTSPServer *server;
  guint source_id;
  gchar *uri;
} Camera;

static void
camera_start (Camera * camera)
{
  GstRTSPMountPoints *mounts;
  GstRTSPMediaFactory *factory;

  camera->server = gst_rtsp_server_new ();
  gst_rtsp_server_set_address (camera->server, "127.0.0.1");
  /* any free port */
  gst_rtsp_server_set_service (camera->server, "0");
  factory = gst_rtsp_media_factory_new ();
  gst_rtsp_media_factory_set_launch (factory, "( videotestsrc is-live=true "
      "pattern=blue ! video/x-raw,width=640,height=360,framerate=15/1 "
      "! textoverlay text=\"" TEXT "\" font-desc=\"Sans 24\" "
      "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=15 "
      "! rtph264pay name=pay0 pt=96 )");
  gst_rtsp_media_factory_set_shared (factory, TRUE);
  mounts = gst_rtsp_server_get_mount_points (camera->server);
  gst_rtsp_mount_points_add_factory (mounts, "/camera", factory);
  g_object_unref (mounts);
  camera->source_id = gst_rtsp_server_attach (camera->server, NULL);
  fail_unless (camera->source_id != 0);
  camera->uri = g_strdup_printf ("rtsp://127.0.0.1:%d/camera",
      gst_rtsp_server_get_bound_port (camera->server));
}

static GstRTSPFilterResult
close_client (GstRTSPServer * server, GstRTSPClient * client, gpointer data)
{
  return GST_RTSP_FILTER_REMOVE;
}

/* The camera disappears: its clients are disconnected, it stops
 * listening. */
static void
camera_stop (Camera * camera)
{
  gst_rtsp_server_client_filter (camera->server, close_client, NULL);
  g_source_remove (camera->source_id);
  g_clear_object (&camera->server);
  g_free (camera->uri);
}

/* Iterates the default main context (the server's) for @ms. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end) {
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
  }
}

static JsonArray *
read_items (JsonParser * parser, const gchar * path)
{
  GError *error = NULL;
  JsonObject *root;

  fail_unless (json_parser_load_from_file (parser, path, &error), "%s",
      error ? error->message : "");
  root = json_node_get_object (json_parser_get_root (parser));
  return json_object_get_array_member (json_object_get_object_member
      (json_array_get_object_element (json_object_get_array_member (root,
                  "videos"), 0), "insights"), "ocr");
}

/* Whether the sink has written a file with an item (it replaces the file
 * whole: never seen half written). */
static gboolean
has_items (const gchar * path)
{
  JsonParser *parser = json_parser_new ();
  gboolean found = FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    found = json_array_get_length (read_items (parser, path)) > 0;
  g_object_unref (parser);
  return found;
}

GST_START_TEST (test_rtsp_camera_that_goes_away)
{
  Camera camera = { NULL };
  gchar *dir = g_dir_make_tmp ("vocr-rtsp-XXXXXX", NULL);
  gchar *out = g_build_filename (dir, "camera.json", NULL);
  gchar *desc;
  GstElement *pipeline;
  GstMessage *msg;
  JsonParser *parser = json_parser_new ();
  JsonArray *items;
  JsonObject *item, *instance;
  GstClockTime start, end, streamed;
  gint64 playing;

  camera_start (&camera);
  desc = g_strdup_printf ("rtspsrc location=%s latency=100 "
      "! rtph264depay ! h264parse ! avdec_h264 ! videoconvert "
      "! vocrtextdetect ! queue ! vocrinsightsink location=%s "
      "flush-interval=1", camera.uri, out);
  pipeline = gst_parse_launch (desc, NULL);
  fail_unless (pipeline != NULL);
  fail_unless (gst_element_set_state (pipeline, GST_STATE_PLAYING) !=
      GST_STATE_CHANGE_FAILURE);

  /* the stream until the sink has written the text's first reading (a
   * sanitized build takes seconds to get there), three seconds more, then
   * the camera goes away */
  playing = g_get_monotonic_time ();
  while (!has_items (out)
      && g_get_monotonic_time () - playing < 60 * G_USEC_PER_SEC)
    spin (100);
  fail_unless (has_items (out), "no insights while streaming");
  spin (3000);
  streamed = (g_get_monotonic_time () - playing) * GST_USECOND;
  camera_stop (&camera);

  /* the client notices (an error or the end of the stream); either way,
   * stopping leaves a complete file */
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline),
      20 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (msg)
    gst_message_unref (msg);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  items = read_items (parser, out);
  fail_unless_equals_int (json_array_get_length (items), 1);
  item = json_array_get_object_element (items, 0);
  fail_unless_equals_string (json_object_get_string_member (item, "text"),
      TEXT);
  instance = json_array_get_object_element (json_object_get_array_member
      (item, "instances"), 0);
  fail_unless (gst_vocr_parse_time (json_object_get_string_member (instance,
              "start"), &start));
  fail_unless (gst_vocr_parse_time (json_object_get_string_member (instance,
              "end"), &end));
  /* on screen from the first sample read (once an engine has loaded: a
   * fraction of a second, longer sanitized) until the camera went away, in
   * the stream's time */
  fail_unless (start < 5 * GST_SECOND, "start %" GST_TIME_FORMAT,
      GST_TIME_ARGS (start));
  fail_unless (end - start >= 2 * GST_SECOND && end <= streamed,
      "from %" GST_TIME_FORMAT " to %" GST_TIME_FORMAT " of %"
      GST_TIME_FORMAT " streamed", GST_TIME_ARGS (start), GST_TIME_ARGS (end),
      GST_TIME_ARGS (streamed));

  g_object_unref (parser);
  gst_object_unref (pipeline);
  g_unlink (out);
  g_rmdir (dir);
  g_free (out);
  g_free (dir);
  g_free (desc);
}

GST_END_TEST;

static Suite *
rtsp_suite (void)
{
  Suite *s = suite_create ("rtsp");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_rtsp_camera_that_goes_away);
  return s;
}

GST_CHECK_MAIN (rtsp);
