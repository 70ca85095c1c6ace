/* gst-vocr: unit tests of the insights writers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <string.h>
#include <gst/check/gstcheck.h>
#include <json-glib/json-glib.h>
#include "vocr.h"

#define MS GST_MSECOND
/* adjusted (running) times are 10 s ahead of stream times */
#define RUNNING(ms) ((ms) * MS + 10 * GST_SECOND)

/* Makes an item 200x40 at @x,@y with the instances given as start and end
 * pairs in milliseconds, up to G_MAXUINT. */
static GstVocrItem *
make_item (guint id, const gchar * text, gdouble confidence, gint x, gint y,
    gdouble angle, const gchar * language, ...)
{
  GstVocrItem item = { id, (gchar *) text, confidence, x, y, 200, 40, angle,
    (gchar *) language, g_array_new (FALSE, FALSE, sizeof (GstVocrInstance))
  };
  GstVocrItem *copy;
  va_list args;
  guint start;

  va_start (args, language);
  while ((start = va_arg (args, guint)) != G_MAXUINT) {
    guint end = va_arg (args, guint);
    GstVocrInstance inst = { start * MS, end * MS, RUNNING (start),
      RUNNING (end), GST_CLOCK_TIME_NONE, GST_CLOCK_TIME_NONE
    };

    g_array_append_val (item.instances, inst);
  }
  va_end (args);

  copy = gst_vocr_item_copy (&item);
  g_array_unref (item.instances);
  return copy;
}

/* Hello's cue must be escaped, the arrow's defused and its blank line
 * flattened; Adjacent's instances touch. */
static GPtrArray *
make_items (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_item_free);

  g_ptr_array_add (items, make_item (1, "Hello <b> & World", 0.91234, 10, 400,
          0.0, "en-US", 0, 1500, 3000, 4250, G_MAXUINT));
  g_ptr_array_add (items, make_item (2, "a --> b\n\nc", 0.8, 20, 100, 90.5,
          "de-DE", 1000, 2000, G_MAXUINT));
  g_ptr_array_add (items, make_item (3, "Adjacent", 1.0, 20, 300, 0.0,
          "en-US", 5000, 6000, 6000, 7000, G_MAXUINT));
  /* nothing to show: no cue */
  g_ptr_array_add (items, make_item (4, "\r\n", 0.5, 20, 200, 0.0, "en-US",
          0, 7000, G_MAXUINT));
  return items;
}

static void
check_time (GstClockTime time, const gchar * expected)
{
  gchar *str = gst_vocr_format_time (time);
  GstClockTime parsed;

  fail_unless_equals_string (str, expected);
  fail_unless (gst_vocr_parse_time (str, &parsed));
  /* exact for multiples of 100 ns */
  if (time % 100 == 0)
    fail_unless_equals_uint64 (parsed, time);
  g_free (str);
}

GST_START_TEST (test_format_time)
{
  check_time (0, "0:00:00");
  check_time (46 * GST_SECOND, "0:00:46");
  check_time (45500 * MS, "0:00:45.5");
  check_time (34868166600, "0:00:34.8681666");
  check_time (3723250 * MS, "1:02:03.25");
  check_time (10 * 3600 * GST_SECOND + 59 * 60 * GST_SECOND, "10:59:00");
  check_time (100 * 3600 * GST_SECOND, "100:00:00");
  check_time (GST_SECOND + 100, "0:00:01.0000001");
  /* rounded to the nearest 100 ns */
  check_time (49, "0:00:00");
  check_time (50, "0:00:00.0000001");
  check_time (59 * GST_SECOND + 999999960, "0:01:00");
  fail_unless (gst_vocr_format_time (GST_CLOCK_TIME_NONE) == NULL);
}

GST_END_TEST;

GST_START_TEST (test_parse_time)
{
  static const gchar *bad[] = {
    "", "abc", "0", "0:00", "-0:00:01", "+0:00:01", " 0:00:01", "0:00:01 ",
    "0:0:01", "0:00:1", "0:60:00", "0:00:60", "0:00:01.", "0:00:01.12345678",
    "0:00:01x", "0:00:01.5s", "0:00:01,5", ":00:01", "0::00:01",
    "99999999999999999999:00:00", "5124095:00:00",
  };
  GstClockTime time = 42;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++) {
    fail_if (gst_vocr_parse_time (bad[i], &time), "accepted '%s'", bad[i]);
    fail_unless_equals_uint64 (time, 42);
  }

  fail_unless (gst_vocr_parse_time ("00:00:01.5", &time));
  fail_unless_equals_uint64 (time, 1500 * MS);
  fail_unless (gst_vocr_parse_time ("1:02:03.25", &time));
  fail_unless_equals_uint64 (time, 3723250 * MS);
  fail_unless (gst_vocr_parse_time ("0:59:59.9999999", &time));
  fail_unless_equals_uint64 (time, 3600 * GST_SECOND - 100);
  fail_unless (gst_vocr_parse_time ("5124094:59:59.9999999", NULL));
}

GST_END_TEST;

GST_START_TEST (test_format_enum)
{
  GEnumClass *klass = g_type_class_ref (GST_VOCR_TYPE_INSIGHTS_FORMAT);
  static const gchar *nicks[] = { "json", "webvtt", "srt", "jsonl" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (nicks); i++) {
    GEnumValue *value = g_enum_get_value_by_nick (klass, nicks[i]);

    fail_unless (value != NULL);
    fail_unless_equals_int (value->value, i);
  }
  g_type_class_unref (klass);
}

GST_END_TEST;

static JsonNode *
parse_json (const gchar * str)
{
  JsonParser *parser = json_parser_new ();
  GError *error = NULL;
  JsonNode *root;

  fail_unless (g_utf8_validate (str, -1, NULL));
  fail_unless (json_parser_load_from_data (parser, str, -1, &error),
      "invalid JSON: %s", error ? error->message : "");
  root = json_node_copy (json_parser_get_root (parser));
  g_object_unref (parser);
  return root;
}

static void
check_members (JsonObject * object, const gchar * const *expected)
{
  GList *members = json_object_get_members (object), *l;
  guint i = 0;

  for (l = members; l; l = l->next, i++)
    fail_unless_equals_string (l->data, expected[i]);
  fail_unless (expected[i] == NULL);
  g_list_free (members);
}

static void
check_instance (JsonObject * inst, const gchar * start, const gchar * end,
    const gchar * adjusted_start, const gchar * adjusted_end)
{
  static const gchar *members[] =
      { "adjustedStart", "adjustedEnd", "start", "end", NULL };

  check_members (inst, members);
  fail_unless_equals_string (json_object_get_string_member (inst, "start"),
      start);
  fail_unless_equals_string (json_object_get_string_member (inst, "end"), end);
  fail_unless_equals_string (json_object_get_string_member (inst,
          "adjustedStart"), adjusted_start);
  fail_unless_equals_string (json_object_get_string_member (inst,
          "adjustedEnd"), adjusted_end);
}

GST_START_TEST (test_json)
{
  static const gchar *ocr_members[] = { "id", "text", "confidence", "left",
    "top", "width", "height", "angle", "language", "instances", NULL
  };
  GPtrArray *items = make_items ();
  gchar *str = gst_vocr_insights_to_json (items, "clip", 6500 * MS, NULL);
  JsonNode *root = parse_json (str);
  JsonObject *doc = json_node_get_object (root), *video, *insights, *item;
  JsonArray *ocr, *instances;

  /* pretty-printed with two spaces, a text file */
  fail_unless (g_str_has_prefix (str, "{\n  \"name\""));
  fail_unless (g_str_has_suffix (str, "}\n"));
  /* numbers as short as they read back: no 0.91230000000000001 */
  fail_unless (strstr (str, "\"confidence\": 0.9123,") != NULL, "%s", str);
  /* a text's line breaks are escaped */
  fail_unless (strstr (str, "\"a --> b\\n\\nc\"") != NULL);

  fail_unless_equals_string (json_object_get_string_member (doc, "name"),
      "clip");
  fail_unless_equals_float (json_object_get_double_member (doc,
          "durationInSeconds"), 6.5);
  fail_unless_equals_int (json_array_get_length (json_object_get_array_member
          (doc, "videos")), 1);
  video = json_array_get_object_element (json_object_get_array_member (doc,
          "videos"), 0);
  fail_unless_equals_string (json_object_get_string_member (video, "name"),
      "clip");
  insights = json_object_get_object_member (video, "insights");
  fail_unless_equals_string (json_object_get_string_member (insights,
          "version"), "1.0.0.0");
  fail_unless_equals_string (json_object_get_string_member (insights,
          "duration"), "0:00:06.5");
  fail_unless_equals_string (json_object_get_string_member (insights,
          "sourceLanguage"), "en-US");
  fail_unless_equals_string (json_object_get_string_member (insights,
          "language"), "en-US");

  ocr = json_object_get_array_member (insights, "ocr");
  fail_unless_equals_int (json_array_get_length (ocr), 4);
  item = json_array_get_object_element (ocr, 0);
  check_members (item, ocr_members);
  fail_unless_equals_int (json_object_get_int_member (item, "id"), 1);
  fail_unless_equals_string (json_object_get_string_member (item, "text"),
      "Hello <b> & World");
  fail_unless_equals_float (json_object_get_double_member (item,
          "confidence"), 0.9123);
  fail_unless_equals_int (json_object_get_int_member (item, "left"), 10);
  fail_unless_equals_int (json_object_get_int_member (item, "top"), 400);
  fail_unless_equals_int (json_object_get_int_member (item, "width"), 200);
  fail_unless_equals_int (json_object_get_int_member (item, "height"), 40);
  /* a whole number is written as one */
  fail_unless_equals_int (json_node_get_value_type (json_object_get_member
          (item, "angle")), G_TYPE_INT64);
  fail_unless_equals_string (json_object_get_string_member (item,
          "language"), "en-US");
  instances = json_object_get_array_member (item, "instances");
  fail_unless_equals_int (json_array_get_length (instances), 2);
  check_instance (json_array_get_object_element (instances, 0), "0:00:00",
      "0:00:01.5", "0:00:10", "0:00:11.5");
  check_instance (json_array_get_object_element (instances, 1), "0:00:03",
      "0:00:04.25", "0:00:13", "0:00:14.25");

  item = json_array_get_object_element (ocr, 1);
  fail_unless_equals_string (json_object_get_string_member (item, "text"),
      "a --> b\n\nc");
  fail_unless_equals_float (json_object_get_double_member (item, "angle"),
      90.5);
  fail_unless_equals_float (json_object_get_double_member (item,
          "confidence"), 0.8);
  fail_unless_equals_string (json_object_get_string_member (item,
          "language"), "de-DE");
  json_node_unref (root);
  g_free (str);

  /* a whole duration is a whole number; the source language is passed on */
  str = gst_vocr_insights_to_json (items, "clip", 6 * GST_SECOND, "de-DE");
  root = parse_json (str);
  doc = json_node_get_object (root);
  fail_unless_equals_int (json_node_get_value_type (json_object_get_member
          (doc, "durationInSeconds")), G_TYPE_INT64);
  fail_unless_equals_int (json_object_get_int_member (doc,
          "durationInSeconds"), 6);
  insights = json_object_get_object_member (json_array_get_object_element
      (json_object_get_array_member (doc, "videos"), 0), "insights");
  fail_unless_equals_string (json_object_get_string_member (insights,
          "duration"), "0:00:06");
  fail_unless_equals_string (json_object_get_string_member (insights,
          "sourceLanguage"), "de-DE");
  fail_unless_equals_string (json_object_get_string_member (insights,
          "language"), "de-DE");
  json_node_unref (root);
  g_free (str);
  g_ptr_array_unref (items);
}

GST_END_TEST;

GST_START_TEST (test_webvtt)
{
  GPtrArray *items = make_items ();
  gchar *str = gst_vocr_insights_to_webvtt (items);

  fail_unless_equals_string (str, "WEBVTT\n\n"
      "00:00:00.000 --> 00:00:01.500\nHello &lt;b&gt; &amp; World\n\n"
      "00:00:01.000 --> 00:00:02.000\na --&gt; b c\n\n"
      "00:00:03.000 --> 00:00:04.250\nHello &lt;b&gt; &amp; World\n\n"
      "00:00:05.000 --> 00:00:06.000\nAdjacent\n\n"
      "00:00:06.000 --> 00:00:07.000\nAdjacent\n\n");
  g_free (str);
  g_ptr_array_unref (items);

  /* hours take as many digits as they need; milliseconds are rounded */
  items = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_item_free);
  g_ptr_array_add (items, make_item (1, "Late", 0.9, 0, 0, 0.0, "en-US",
          3723250, 360000000, G_MAXUINT));
  g_array_index (((GstVocrItem *) g_ptr_array_index (items, 0))->instances,
      GstVocrInstance, 0).end += 999600;
  str = gst_vocr_insights_to_webvtt (items);
  fail_unless_equals_string (str,
      "WEBVTT\n\n01:02:03.250 --> 100:00:00.001\nLate\n\n");
  g_free (str);
  g_ptr_array_unref (items);
}

GST_END_TEST;

GST_START_TEST (test_srt)
{
  GPtrArray *items = make_items ();
  gchar *str = gst_vocr_insights_to_srt (items);

  /* cut where texts come and go, top to bottom, touching cues merged */
  fail_unless_equals_string (str,
      "1\n00:00:00,000 --> 00:00:01,000\nHello <b> & World\n\n"
      "2\n00:00:01,000 --> 00:00:01,500\na -> b c\nHello <b> & World\n\n"
      "3\n00:00:01,500 --> 00:00:02,000\na -> b c\n\n"
      "4\n00:00:03,000 --> 00:00:04,250\nHello <b> & World\n\n"
      "5\n00:00:05,000 --> 00:00:07,000\nAdjacent\n\n");
  g_free (str);
  g_ptr_array_unref (items);

  /* longer arrows are defused too */
  items = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_item_free);
  g_ptr_array_add (items, make_item (1, "x ---> y -->", 0.9, 0, 0, 0.0,
          "en-US", 0, 1000, G_MAXUINT));
  str = gst_vocr_insights_to_srt (items);
  fail_unless_equals_string (str,
      "1\n00:00:00,000 --> 00:00:01,000\nx -> y ->\n\n");
  g_free (str);
  g_ptr_array_unref (items);
}

GST_END_TEST;

GST_START_TEST (test_invalid_utf8)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_item_free);
  GstVocrAggregatorEvent event;
  gchar *str;
  JsonNode *root;
  JsonObject *item;

  g_ptr_array_add (items, make_item (1, "bad \xff\xfe text\x01", 0.9, 0, 0,
          0.0, "en-\xc3", 0, 1000, G_MAXUINT));

  str = gst_vocr_insights_to_json (items, "\xe2\x82", GST_SECOND, NULL);
  /* control characters are escaped */
  fail_unless (strstr (str, "text\\u0001\"") != NULL);
  root = parse_json (str);
  item = json_array_get_object_element (json_object_get_array_member
      (json_object_get_object_member (json_array_get_object_element
              (json_object_get_array_member (json_node_get_object (root),
                      "videos"), 0), "insights"), "ocr"), 0);
  fail_unless_equals_string (json_object_get_string_member (item, "text"),
      "bad \xef\xbf\xbd\xef\xbf\xbd text\x01");
  json_node_unref (root);
  g_free (str);

  str = gst_vocr_insights_to_webvtt (items);
  fail_unless_equals_string (str, "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n"
      "bad \xef\xbf\xbd\xef\xbf\xbd text\n\n");
  g_free (str);

  str = gst_vocr_insights_to_srt (items);
  fail_unless_equals_string (str, "1\n00:00:00,000 --> 00:00:01,000\n"
      "bad \xef\xbf\xbd\xef\xbf\xbd text\n\n");
  g_free (str);

  event.type = GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END;
  event.item = g_ptr_array_index (items, 0);
  str = gst_vocr_insights_event_to_jsonl (&event);
  root = parse_json (str);
  fail_unless_equals_string (json_object_get_string_member
      (json_node_get_object (root), "language"), "en-\xef\xbf\xbd");
  json_node_unref (root);
  g_free (str);
  g_ptr_array_unref (items);
}

GST_END_TEST;

GST_START_TEST (test_wallclock)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_item_free);
  /* 2026-11-27 08:30:00 UTC */
  const GstClockTime epoch = G_GUINT64_CONSTANT (1795768200) * GST_SECOND;
  GstVocrAggregatorEvent event;
  gchar *str;

  g_ptr_array_add (items, make_item (1, "Plate AB 123", 0.9, 0, 0, 0.0,
          "en-US", 0, 1500, G_MAXUINT));
  /* unknown: no member at all */
  str = gst_vocr_insights_to_json (items, "cam", 2 * GST_SECOND, NULL);
  fail_unless (strstr (str, "wallClock") == NULL, "%s", str);
  g_free (str);

  /* a frame at running time 10.5 s was captured at 08:30:00.250 */
  gst_vocr_item_set_wallclock (g_ptr_array_index (items, 0),
      RUNNING (500), epoch + 250 * MS);
  str = gst_vocr_insights_to_json (items, "cam", 2 * GST_SECOND, NULL);
  fail_unless (strstr (str, "\"wallClockStart\": \"2026-11-27T08:29:59.750Z\"")
      != NULL, "%s", str);
  fail_unless (strstr (str, "\"wallClockEnd\": \"2026-11-27T08:30:01.250Z\"")
      != NULL, "%s", str);
  g_free (str);

  event.type = GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END;
  event.item = g_ptr_array_index (items, 0);
  str = gst_vocr_insights_event_to_jsonl (&event);
  fail_unless (strstr (str, "\"wallClockEnd\":\"2026-11-27T08:30:01.250Z\"")
      != NULL, "%s", str);
  g_free (str);
  g_ptr_array_unref (items);
}

GST_END_TEST;

GST_START_TEST (test_jsonl)
{
  static const gchar *start_members[] = { "event", "id", "text",
    "confidence", "left", "top", "width", "height", "angle", "language",
    "start", "adjustedStart", NULL
  };
  static const gchar *end_members[] = { "event", "id", "text",
    "confidence", "left", "top", "width", "height", "angle", "language",
    "start", "adjustedStart", "end", "adjustedEnd", NULL
  };
  GstVocrAggregatorEvent event;
  JsonNode *root;
  JsonObject *obj;
  gchar *str;

  /* a start: the last instance has no end yet */
  event.type = GST_VOCR_AGGREGATOR_EVENT_INSTANCE_START;
  event.item = make_item (7, "Two\nlines", 0.87654, 5, 6, -90.0, "en-US",
      0, 1000, 2500, 3000, G_MAXUINT);
  g_array_index (event.item->instances, GstVocrInstance, 1).end =
      GST_CLOCK_TIME_NONE;
  g_array_index (event.item->instances, GstVocrInstance, 1).adjusted_end =
      GST_CLOCK_TIME_NONE;
  str = gst_vocr_insights_event_to_jsonl (&event);
  fail_unless (g_str_has_suffix (str, "}\n"));
  fail_unless (strchr (str, '\n') == str + strlen (str) - 1);
  root = parse_json (str);
  obj = json_node_get_object (root);
  check_members (obj, start_members);
  fail_unless_equals_string (json_object_get_string_member (obj, "event"),
      "start");
  fail_unless_equals_int (json_object_get_int_member (obj, "id"), 7);
  fail_unless_equals_string (json_object_get_string_member (obj, "text"),
      "Two\nlines");
  fail_unless_equals_float (json_object_get_double_member (obj,
          "confidence"), 0.8765);
  fail_unless_equals_int (json_object_get_int_member (obj, "left"), 5);
  fail_unless_equals_int (json_object_get_int_member (obj, "top"), 6);
  fail_unless_equals_int (json_object_get_int_member (obj, "width"), 200);
  fail_unless_equals_int (json_object_get_int_member (obj, "height"), 40);
  fail_unless_equals_int (json_object_get_int_member (obj, "angle"), -90);
  fail_unless_equals_string (json_object_get_string_member (obj, "start"),
      "0:00:02.5");
  fail_unless_equals_string (json_object_get_string_member (obj,
          "adjustedStart"), "0:00:12.5");
  json_node_unref (root);
  g_free (str);

  /* an end */
  event.type = GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END;
  g_array_index (event.item->instances, GstVocrInstance, 1).end = 3 *
      GST_SECOND;
  g_array_index (event.item->instances, GstVocrInstance, 1).adjusted_end =
      13 * GST_SECOND;
  str = gst_vocr_insights_event_to_jsonl (&event);
  fail_unless (strchr (str, '\n') == str + strlen (str) - 1);
  root = parse_json (str);
  obj = json_node_get_object (root);
  check_members (obj, end_members);
  fail_unless_equals_string (json_object_get_string_member (obj, "event"),
      "end");
  fail_unless_equals_string (json_object_get_string_member (obj, "end"),
      "0:00:03");
  fail_unless_equals_string (json_object_get_string_member (obj,
          "adjustedEnd"), "0:00:13");
  json_node_unref (root);
  g_free (str);
  gst_vocr_item_free (event.item);
}

GST_END_TEST;

static Suite *
insights_suite (void)
{
  Suite *s = suite_create ("vocr-insights");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_format_time);
  tcase_add_test (tc, test_parse_time);
  tcase_add_test (tc, test_format_enum);
  tcase_add_test (tc, test_json);
  tcase_add_test (tc, test_webvtt);
  tcase_add_test (tc, test_srt);
  tcase_add_test (tc, test_invalid_utf8);
  tcase_add_test (tc, test_jsonl);
  tcase_add_test (tc, test_wallclock);
  return s;
}

GST_CHECK_MAIN (insights);
