/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gst/gst.h>

#ifndef GST_VOCR_API
# ifdef BUILDING_GST_VOCR
#  define GST_VOCR_API GST_API_EXPORT
# else
#  define GST_VOCR_API GST_API_IMPORT
# endif
#endif
