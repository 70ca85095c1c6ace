/* gst-vocr fuzz target: the insights writers, given untrusted text (OCR
 * reads anything: control characters, invalid UTF-8, "-->", blank lines).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <json-glib/json-glib.h>
#include "vocr.h"

int LLVMFuzzerTestOneInput (const guint8 * data, size_t size);

/* Builds up to three items from @data: texts split at 0xff bytes, times
 * and boxes from the bytes around them. */
static GPtrArray *
make_items (const guint8 * data, size_t size)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_item_free);
  size_t pos = 0;
  guint id = 1;

  while (pos < size && id <= 3) {
    const guint8 *end = memchr (data + pos, 0xff, size - pos);
    size_t len = end ? (size_t) (end - (data + pos)) : size - pos;
    guint8 b = len ? data[pos] : 0;
    /* allocated as gst_vocr_item_free() frees */
    GstVocrItem *item = g_slice_new0 (GstVocrItem);
    GstVocrInstance inst = { b * 100 * GST_MSECOND,
      (b + 1 + len) * 100 * GST_MSECOND, b * 100 * GST_MSECOND,
      (b + 1 + len) * 100 * GST_MSECOND, GST_CLOCK_TIME_NONE,
      GST_CLOCK_TIME_NONE
    };

    item->id = id++;
    item->text = g_strndup ((const gchar *) data + pos, len);
    item->confidence = b / 255.0;
    item->x = b;
    item->y = len;
    item->width = 100;
    item->height = 20;
    item->angle = b % 2 ? 90.0 : 0.0;
    item->language = g_strdup (b % 3 ? "en-US" : "de-DE");
    item->instances = g_array_new (FALSE, FALSE, sizeof (GstVocrInstance));
    g_array_append_val (item->instances, inst);
    g_ptr_array_add (items, item);
    pos += len + 1;
  }
  return items;
}

/* Every line of a subtitle file is a number, a timing line, a blank line
 * or cue text; cue text never looks like a timing line. */
static void
check_subtitles (const gchar * text, gboolean webvtt)
{
  gchar **lines;
  guint i;

  g_assert (g_utf8_validate (text, -1, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i]; i++) {
    gboolean timing = strstr (lines[i], " --> ") != NULL;

    if (timing) {
      /* a timing line, and the cue's one text line after it */
      g_assert (g_ascii_isdigit (lines[i][0]));
      g_assert (lines[i + 1] != NULL && *lines[i + 1] != '\0');
    } else {
      g_assert (strstr (lines[i], "-->") == NULL);
    }
    g_assert (strchr (lines[i], '\r') == NULL);
  }
  if (webvtt)
    g_assert (g_str_has_prefix (text, "WEBVTT\n\n"));
  g_strfreev (lines);
}

int
LLVMFuzzerTestOneInput (const guint8 * data, size_t size)
{
  GPtrArray *items = make_items (data, size);
  JsonParser *parser = json_parser_new ();
  gchar *out;
  guint i;

  out = gst_vocr_insights_to_json (items, (const gchar *) "clip", GST_SECOND,
      NULL);
  g_assert (json_parser_load_from_data (parser, out, -1, NULL));
  g_free (out);

  out = gst_vocr_insights_to_webvtt (items);
  check_subtitles (out, TRUE);
  g_free (out);
  out = gst_vocr_insights_to_srt (items);
  check_subtitles (out, FALSE);
  g_free (out);

  for (i = 0; i < items->len; i++) {
    GstVocrAggregatorEvent event = { GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END,
      g_ptr_array_index (items, i)
    };

    out = gst_vocr_insights_event_to_jsonl (&event);
    g_assert (g_str_has_suffix (out, "\n"));
    g_assert (strchr (out, '\n') == out + strlen (out) - 1);
    g_assert (json_parser_load_from_data (parser, out, -1, NULL));
    g_free (out);
  }

  g_object_unref (parser);
  g_ptr_array_unref (items);
  return 0;
}
