/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gst/video/video.h>
#include "gstvocr-prelude.h"
#include "gstvocrline.h"

G_BEGIN_DECLS

/**
 * GstVocrPageSegmentation:
 * @GST_VOCR_PAGE_SEGMENTATION_AUTO_OSD: full layout analysis with
 *   orientation and script detection (needs osd.traineddata)
 * @GST_VOCR_PAGE_SEGMENTATION_AUTO: full layout analysis, no orientation
 *   detection
 * @GST_VOCR_PAGE_SEGMENTATION_SINGLE_COLUMN: one column of text of
 *   variable sizes
 * @GST_VOCR_PAGE_SEGMENTATION_SINGLE_BLOCK: one uniform block of text
 * @GST_VOCR_PAGE_SEGMENTATION_SINGLE_LINE: a single text line, e.g. a
 *   caption strip selected with a region of interest
 * @GST_VOCR_PAGE_SEGMENTATION_SPARSE_TEXT: as much text as possible, in
 *   no particular order: overlays scattered over a picture
 * @GST_VOCR_PAGE_SEGMENTATION_SPARSE_TEXT_OSD: sparse text with
 *   orientation and script detection (needs osd.traineddata)
 *
 * How Tesseract finds the text in a frame. The values are Tesseract's own
 * page segmentation modes.
 */
typedef enum
{
  GST_VOCR_PAGE_SEGMENTATION_AUTO_OSD = 1,
  GST_VOCR_PAGE_SEGMENTATION_AUTO = 3,
  GST_VOCR_PAGE_SEGMENTATION_SINGLE_COLUMN = 4,
  GST_VOCR_PAGE_SEGMENTATION_SINGLE_BLOCK = 6,
  GST_VOCR_PAGE_SEGMENTATION_SINGLE_LINE = 7,
  GST_VOCR_PAGE_SEGMENTATION_SPARSE_TEXT = 11,
  GST_VOCR_PAGE_SEGMENTATION_SPARSE_TEXT_OSD = 12,
} GstVocrPageSegmentation;

#define GST_VOCR_TYPE_PAGE_SEGMENTATION (gst_vocr_page_segmentation_get_type ())
GST_VOCR_API GType gst_vocr_page_segmentation_get_type (void);

/**
 * GstVocrEngineError:
 * @GST_VOCR_ENGINE_ERROR_INVALID_LANGUAGES: the languages string is not a
 *   list of Tesseract codes joined by '+'
 * @GST_VOCR_ENGINE_ERROR_TESSDATA_DIR: the tessdata directory is missing or
 *   unreadable
 * @GST_VOCR_ENGINE_ERROR_LANGUAGE_MISSING: a language's .traineddata file is
 *   not installed
 * @GST_VOCR_ENGINE_ERROR_INIT: Tesseract failed to initialise or to
 *   recognise
 * @GST_VOCR_ENGINE_ERROR_CANCELLED: recognition was cancelled
 * @GST_VOCR_ENGINE_ERROR_TIMEOUT: recognition took longer than the limit set
 *   with gst_vocr_engine_set_time_limit() and was abandoned
 */
typedef enum
{
  GST_VOCR_ENGINE_ERROR_INVALID_LANGUAGES,
  GST_VOCR_ENGINE_ERROR_TESSDATA_DIR,
  GST_VOCR_ENGINE_ERROR_LANGUAGE_MISSING,
  GST_VOCR_ENGINE_ERROR_INIT,
  GST_VOCR_ENGINE_ERROR_CANCELLED,
  GST_VOCR_ENGINE_ERROR_TIMEOUT,
} GstVocrEngineError;

#define GST_VOCR_ENGINE_ERROR (gst_vocr_engine_error_quark ())
GST_VOCR_API GQuark gst_vocr_engine_error_quark (void);

/**
 * GstVocrEngine: (skip)
 *
 * One Tesseract instance. An engine may be used from any thread, but by one
 * thread at a time: give each worker thread its own.
 *
 * Not introspectable: it is neither reference counted nor copyable, so it
 * has no boxed type; bindings run it through `vocrtextdetect`.
 */
typedef struct _GstVocrEngine GstVocrEngine;

GST_VOCR_API gchar *gst_vocr_engine_default_tessdata_dir (void);

GST_VOCR_API
gboolean gst_vocr_parse_roi (const gchar * str, GstVideoRectangle * roi,
    gboolean * has_roi);

GST_VOCR_API
gboolean gst_vocr_engine_check_languages (const gchar * tessdata_dir,
    const gchar * languages, GError ** error);

GST_VOCR_API
GstVocrEngine *gst_vocr_engine_new (const gchar * tessdata_dir,
    const gchar * languages, GError ** error);

GST_VOCR_API void gst_vocr_engine_free (GstVocrEngine * engine);

GST_VOCR_API
void gst_vocr_engine_set_time_limit (GstVocrEngine * engine,
    guint milliseconds);

GST_VOCR_API
void gst_vocr_engine_set_other_scripts (GstVocrEngine * engine,
    gboolean enabled);

GST_VOCR_API
void gst_vocr_engine_load_other_scripts (GstVocrEngine * engine);

GST_VOCR_API
void gst_vocr_engine_set_load_on_demand (GstVocrEngine * engine,
    gboolean on_demand);

GST_VOCR_API
gboolean gst_vocr_engine_other_scripts_wanted (GstVocrEngine * engine);

GST_VOCR_API
gboolean gst_vocr_engine_read_large_text (GstVocrEngine * engine,
    const GstVideoFrame * frame, const GstVideoRectangle * roi,
    GPtrArray * lines, gdouble min_confidence, guint * n_read,
    GCancellable * cancellable, GError ** error);

GST_VOCR_API
GPtrArray *gst_vocr_engine_recognize (GstVocrEngine * engine,
    const GstVideoFrame * frame, const GstVideoRectangle * roi,
    GstVocrPageSegmentation mode, gdouble min_confidence,
    GCancellable * cancellable, GError ** error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GstVocrEngine, gst_vocr_engine_free)

G_END_DECLS
