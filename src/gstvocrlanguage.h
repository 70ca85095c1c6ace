/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gstvocr-prelude.h"

G_BEGIN_DECLS

GST_VOCR_API
const gchar *gst_vocr_language_to_bcp47 (const gchar * tesseract_code);

GST_VOCR_API
gchar *gst_vocr_language_debian_package (const gchar * tesseract_code);

GST_VOCR_API
const gchar *gst_vocr_language_script (const gchar * tesseract_code);

G_END_DECLS
