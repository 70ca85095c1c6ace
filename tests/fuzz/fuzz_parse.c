/* gst-vocr fuzz target: the strings users type: regions of interest,
 * language lists, language codes.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>
#include <glib/gstdio.h>
#include "vocr.h"

int LLVMFuzzerTestOneInput (const guint8 * data, size_t size);

static gchar *empty_dir;

static void
remove_empty_dir (void)
{
  g_rmdir (empty_dir);
}

int
LLVMFuzzerTestOneInput (const guint8 * data, size_t size)
{
  gchar *str = g_strndup ((const gchar *) data, size);
  GstVideoRectangle roi;
  gboolean has_roi;
  GError *error = NULL;

  if (empty_dir == NULL) {
    empty_dir = g_dir_make_tmp ("vocr-fuzz-XXXXXX", NULL);
    atexit (remove_empty_dir);
  }

  if (gst_vocr_parse_roi (str, &roi, &has_roi) && has_roi)
    g_assert (roi.x >= 0 && roi.y >= 0 && roi.w > 0 && roi.h > 0);

  /* an empty directory has no language: the string is either refused as
   * malformed or as missing, with a message, never accepted */
  g_assert (!gst_vocr_engine_check_languages (empty_dir, str, &error));
  g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  g_assert (error->code == GST_VOCR_ENGINE_ERROR_INVALID_LANGUAGES
      || error->code == GST_VOCR_ENGINE_ERROR_LANGUAGE_MISSING);
  g_clear_error (&error);

  g_assert (gst_vocr_language_to_bcp47 (str) != NULL);
  if (*str) {
    gchar *package = gst_vocr_language_debian_package (str);

    g_assert (g_str_has_prefix (package, "tesseract-ocr-"));
    g_free (package);
  }
  g_free (str);
  return 0;
}
