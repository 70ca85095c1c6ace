/* gst-vocr fuzz target: Video Indexer time strings, parsed and formatted.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include "vocr.h"

/* Whatever parses formats back to itself, and every time below a
 * thousand hours formats to a string that parses back to it (to 100 ns). */
int LLVMFuzzerTestOneInput (const guint8 * data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 * data, size_t size)
{
  gchar *str = g_strndup ((const gchar *) data, size);
  GstClockTime t, back;
  gchar *formatted;

  if (gst_vocr_parse_time (str, &t)) {
    formatted = gst_vocr_format_time (t);
    g_assert (formatted != NULL);
    g_assert (gst_vocr_parse_time (formatted, &back));
    g_assert (back == t);
    g_free (formatted);
  }
  g_free (str);

  if (size >= sizeof (guint64)) {
    memcpy (&t, data, sizeof (guint64));
    t %= 1000 * 3600 * GST_SECOND;
    formatted = gst_vocr_format_time (t);
    g_assert (formatted != NULL && g_utf8_validate (formatted, -1, NULL));
    g_assert (gst_vocr_parse_time (formatted, &back));
    /* to the nearest 100 ns, halves up */
    g_assert (back == (t / 100 + (t % 100 >= 50)) * 100);
    g_free (formatted);
  }
  return 0;
}
