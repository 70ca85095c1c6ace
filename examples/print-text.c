/* print-text: prints the text vocrtextdetect reads, as it reads it, from
 * the vocr-text messages it posts on the bus. GStreamer core API only: the
 * plugin does the work, so nothing here links against libgstvocr.
 *
 *   print-text              reads a clip drawn on the spot
 *   print-text FILE|URI     reads a video
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/gst.h>

static GstElement *
make_pipeline (const gchar * arg, GError ** error)
{
  GstElement *pipeline;
  gchar *uri, *desc;

  if (arg == NULL)
    return gst_parse_launch ("videotestsrc num-buffers=30 pattern=black "
        "! video/x-raw,width=640,height=360 "
        "! textoverlay text=\"Hello GStreamer\" font-desc=\"Sans 24\" "
        "! vocrtextdetect ! fakesink", error);

  uri = gst_uri_is_valid (arg) ? g_strdup (arg) :
      gst_filename_to_uri (arg, error);
  if (uri == NULL)
    return NULL;
  /* A URI is escaped: no space or quote can break the description. */
  desc = g_strdup_printf ("uridecodebin uri=%s ! videoconvert "
      "! vocrtextdetect ! fakesink", uri);
  pipeline = gst_parse_launch (desc, error);
  g_free (desc);
  g_free (uri);
  return pipeline;
}

static void
print_lines (const GstStructure * s)
{
  const GValue *lines = gst_structure_get_value (s, "lines");
  GstClockTime running_time = GST_CLOCK_TIME_NONE;
  guint i;

  gst_structure_get_uint64 (s, "running-time", &running_time);
  for (i = 0; i < gst_value_list_get_size (lines); i++) {
    const GstStructure *line =
        gst_value_get_structure (gst_value_list_get_value (lines, i));
    gdouble confidence = 0.0;

    gst_structure_get_double (line, "confidence", &confidence);
    g_print ("%" GST_TIME_FORMAT "  %s  (%.2f)\n", GST_TIME_ARGS (running_time),
        gst_structure_get_string (line, "text"), confidence);
  }
}

int
main (int argc, char **argv)
{
  GstElement *pipeline;
  GstBus *bus;
  GstMessage *msg;
  GError *error = NULL;
  gchar *debug = NULL;
  gboolean done;

  gst_init (&argc, &argv);
  /* gst_parse_launch() may build a pipeline and still report an error,
   * e.g. an element that is not installed: both are failures here. */
  pipeline = make_pipeline (argc > 1 ? argv[1] : NULL, &error);
  if (error == NULL) {
    gst_element_set_state (pipeline, GST_STATE_PLAYING);
    bus = gst_element_get_bus (pipeline);
    do {
      msg = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE,
          GST_MESSAGE_ELEMENT | GST_MESSAGE_ERROR | GST_MESSAGE_EOS);
      if (gst_message_has_name (msg, "vocr-text"))
        print_lines (gst_message_get_structure (msg));
      else if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
        gst_message_parse_error (msg, &error, &debug);
      done = GST_MESSAGE_TYPE (msg) != GST_MESSAGE_ELEMENT;
      gst_message_unref (msg);
    } while (!done);
    gst_object_unref (bus);
    gst_element_set_state (pipeline, GST_STATE_NULL);
  }
  gst_clear_object (&pipeline);
  /* GStreamer's idle streaming threads end here rather than with the
   * process: a leak checker run at exit (LeakSanitizer) stops every thread
   * to scan it, and crashed once doing so in the suite ("Tracer caught
   * signal 11") with them still about */
  gst_deinit ();

  if (error) {
    g_printerr ("print-text: %s\n", error->message);
    if (debug)
      g_printerr ("%s\n", debug);
    g_error_free (error);
    g_free (debug);
    return 1;
  }
  return 0;
}
