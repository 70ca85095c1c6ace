/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gstvocr-prelude.h"
#include "gstvocrline.h"
#include "gstvocrlanguage.h"
#include "gstvocrtextmeta.h"
#include "gstvocrengine.h"
#include "gstvocrchange.h"
#include "gstvocraggregator.h"
#include "gstvocrinsights.h"
