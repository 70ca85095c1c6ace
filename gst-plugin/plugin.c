/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * plugin-vocr:
 *
 * Video optical character recognition with Tesseract: find the text shown
 * in a video, read it, and say what it says, where, in which language, how
 * sure, and when it appears and disappears.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "gstvocrinsightsink.h"
#include "gstvocrtextdetect.h"

static gboolean
plugin_init (GstPlugin * plugin)
{
  gboolean ret = FALSE;

  ret |= GST_ELEMENT_REGISTER (vocrtextdetect, plugin);
  ret |= GST_ELEMENT_REGISTER (vocrinsightsink, plugin);
  return ret;
}

GST_PLUGIN_DEFINE (GST_VERSION_MAJOR, GST_VERSION_MINOR, vocr,
    "Video OCR: read the text in video with Tesseract",
    plugin_init, VERSION, GST_LICENSE, GST_PACKAGE_NAME, GST_PACKAGE_ORIGIN)
