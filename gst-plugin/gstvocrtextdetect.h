/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define GST_TYPE_VOCR_TEXT_DETECT (gst_vocr_text_detect_get_type ())
G_DECLARE_FINAL_TYPE (GstVocrTextDetect, gst_vocr_text_detect,
    GST, VOCR_TEXT_DETECT, GstElement)

GST_ELEMENT_REGISTER_DECLARE (vocrtextdetect);

G_END_DECLS
