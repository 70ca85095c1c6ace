/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:gstvocrinsights
 * @title: Insights writers
 * @short_description: write aggregated text items as Video Indexer JSON,
 *   WebVTT, SubRip or JSON Lines
 *
 * The writers take the items of a #GstVocrAggregator (or any list of
 * #GstVocrItem) and return the whole file as a string. Whatever the items'
 * texts hold, the output is valid UTF-8 and valid for its format: JSON
 * strings are escaped by json-glib, and subtitle cue texts are kept to one
 * line each and escaped (WebVTT) or defused (SubRip).
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include "gstvocrinsights.h"

/* Video Indexer counts in .NET ticks */
#define TICK (100 * GST_NSECOND)
#define TICKS_PER_SECOND (GST_SECOND / TICK)
/* the most hours that still fit a GstClockTime with minutes and seconds */
#define MAX_HOURS (G_MAXUINT64 / (3600 * GST_SECOND) - 1)

GType
gst_vocr_insights_format_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    {GST_VOCR_INSIGHTS_FORMAT_JSON, "Video Indexer index JSON", "json"},
    {GST_VOCR_INSIGHTS_FORMAT_WEBVTT, "WebVTT subtitles", "webvtt"},
    {GST_VOCR_INSIGHTS_FORMAT_SRT, "SubRip subtitles", "srt"},
    {GST_VOCR_INSIGHTS_FORMAT_JSONL, "JSON Lines, one object per event",
        "jsonl"},
    {0, NULL, NULL},
  };

  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstVocrInsightsFormat", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

/* @time / @unit rounded to the nearest, without overflowing near the top
 * of the range. */
static guint64
round_div (guint64 time, guint64 unit)
{
  return time / unit + (time % unit >= (unit + 1) / 2);
}

/**
 * gst_vocr_format_time:
 * @time: a time
 *
 * Formats @time as Video Indexer writes times: hours (as many digits as
 * needed), minutes and seconds, then the fraction of a second rounded to
 * the nearest 100 ns, without trailing zeros: "0:00:00", "0:00:45.5",
 * "1:02:03.25", "100:00:00".
 *
 * Returns: (transfer full) (nullable): the string, or %NULL if @time is
 *   GST_CLOCK_TIME_NONE
 */
gchar *
gst_vocr_format_time (GstClockTime time)
{
  guint64 ticks, seconds;
  guint fraction;
  gchar *str;
  gsize len;

  if (!GST_CLOCK_TIME_IS_VALID (time))
    return NULL;

  ticks = round_div (time, TICK);
  seconds = ticks / TICKS_PER_SECOND;
  fraction = ticks % TICKS_PER_SECOND;
  str = g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u:%02u.%07u",
      seconds / 3600, (guint) (seconds / 60 % 60), (guint) (seconds % 60),
      fraction);
  /* trim the fraction's trailing zeros, and its dot if nothing is left */
  len = strlen (str);
  while (str[len - 1] == '0')
    str[--len] = '\0';
  if (str[len - 1] == '.')
    str[len - 1] = '\0';
  return str;
}

/* Parses ":NN" with NN less than 60. */
static gboolean
parse_sexagesimal (const gchar ** p, guint * value)
{
  const gchar *s = *p;

  if (s[0] != ':' || !g_ascii_isdigit (s[1]) || !g_ascii_isdigit (s[2]))
    return FALSE;
  *value = (s[1] - '0') * 10 + (s[2] - '0');
  *p = s + 3;
  return *value < 60;
}

/**
 * gst_vocr_parse_time:
 * @str: a time as gst_vocr_format_time() writes it
 * @time: (out) (optional): the time
 *
 * Parses a Video Indexer time: one or more digits of hours, two of minutes
 * and two of seconds (both less than 60) separated by ':', optionally a '.'
 * and one to seven digits of fraction. Nothing else is accepted: no sign,
 * no white space.
 *
 * Returns: %TRUE if @str is such a time; @time is untouched otherwise
 */
gboolean
gst_vocr_parse_time (const gchar * str, GstClockTime * time)
{
  guint64 hours = 0;
  guint minutes, seconds, fraction = 0, digits = 0;
  const gchar *p = str;

  g_return_val_if_fail (str != NULL, FALSE);

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++) {
    hours = hours * 10 + (*p - '0');
    if (hours > MAX_HOURS)
      return FALSE;
  }
  if (!parse_sexagesimal (&p, &minutes) || !parse_sexagesimal (&p, &seconds))
    return FALSE;
  if (*p == '.') {
    for (p++; g_ascii_isdigit (*p); p++, digits++) {
      if (digits == 7)
        return FALSE;
      fraction = fraction * 10 + (*p - '0');
    }
    if (digits == 0)
      return FALSE;
    for (; digits < 7; digits++)
      fraction *= 10;
  }
  if (*p != '\0')
    return FALSE;

  if (time)
    *time = ((hours * 3600 + minutes * 60 + seconds) * TICKS_PER_SECOND +
        fraction) * TICK;
  return TRUE;
}

static void
add_time (JsonBuilder * builder, const gchar * member, GstClockTime time)
{
  gchar *str = gst_vocr_format_time (time);

  json_builder_set_member_name (builder, member);
  /* null for an unset time */
  json_builder_add_string_value (builder, str);
  g_free (str);
}

/* UNIX time in ns as ISO 8601 UTC to the millisecond; nothing when
 * unknown (a source without capture times). */
static void
add_wallclock (JsonBuilder * builder, const gchar * member, GstClockTime time)
{
  GDateTime *dt;
  gchar *date, *str;

  if (!GST_CLOCK_TIME_IS_VALID (time))
    return;
  dt = g_date_time_new_from_unix_utc (time / GST_SECOND);
  if (dt == NULL)
    return;
  date = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  str = g_strdup_printf ("%s.%03uZ", date,
      (guint) (time % GST_SECOND / GST_MSECOND));
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, str);
  g_free (str);
  g_free (date);
  g_date_time_unref (dt);
}

static void
add_string (JsonBuilder * builder, const gchar * member, const gchar * value)
{
  gchar *valid = g_utf8_make_valid (value ? value : "", -1);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, valid);
  g_free (valid);
}

/* Whole numbers are written without a fraction (6, not 6.0) as Video
 * Indexer writes them; JSON has no NaN or infinity. */
static void
add_number (JsonBuilder * builder, const gchar * member, gdouble value)
{
  json_builder_set_member_name (builder, member);
  if (!isfinite (value))
    value = 0.0;
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder * builder, const gchar * member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* The members an `ocr` item and a JSON Lines event share. */
static void
add_item_members (JsonBuilder * builder, const GstVocrItem * item)
{
  add_int (builder, "id", item->id);
  add_string (builder, "text", item->text);
  add_number (builder, "confidence", round (item->confidence * 1e4) / 1e4);
  add_int (builder, "left", item->x);
  add_int (builder, "top", item->y);
  add_int (builder, "width", item->width);
  add_int (builder, "height", item->height);
  add_number (builder, "angle", item->angle);
  add_string (builder, "language", item->language);
}

static void append_node (GString * out, JsonNode * node, gint indent);

/* A JSON string: json-glib's escaping, on text made valid beforehand. */
static void
append_string (GString * out, const gchar * str)
{
  JsonNode *node = json_node_init_string (json_node_alloc (), str);
  gchar *quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
  g_free (quoted);
  json_node_unref (node);
}

/* The shortest decimal that reads back as @value: 0.8 rather than the
 * 0.80000000000000004 of json-glib's "%.17g". */
static void
append_double (GString * out, gdouble value)
{
  gchar buf[G_ASCII_DTOSTR_BUF_SIZE], format[8];
  gint precision;

  for (precision = 1; precision <= 17; precision++) {
    g_snprintf (format, sizeof (format), "%%.%dg", precision);
    g_ascii_formatd (buf, sizeof (buf), format, value);
    if (g_ascii_strtod (buf, NULL) == value)
      break;
  }
  g_string_append (out, buf);
}

static void
append_newline (GString * out, gint indent)
{
  if (indent >= 0)
    g_string_append_printf (out, "\n%*s", indent, "");
}

/* Writes @node pretty-printed with two spaces per level, or compact when
 * @indent is negative. */
static void
append_node (GString * out, JsonNode * node, gint indent)
{
  gint inner = indent >= 0 ? indent + 2 : -1;

  switch (json_node_get_node_type (node)) {
    case JSON_NODE_OBJECT:{
      JsonObjectIter iter;
      const gchar *member;
      JsonNode *child;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &member, &child)) {
        g_string_append (out, first ? "" : ",");
        append_newline (out, inner);
        append_string (out, member);
        g_string_append (out, indent >= 0 ? ": " : ":");
        append_node (out, child, inner);
        first = FALSE;
      }
      if (!first)
        append_newline (out, indent);
      g_string_append_c (out, '}');
      break;
    }
    case JSON_NODE_ARRAY:{
      JsonArray *array = json_node_get_array (node);
      guint i, n = json_array_get_length (array);

      g_string_append_c (out, '[');
      for (i = 0; i < n; i++) {
        g_string_append (out, i ? "," : "");
        append_newline (out, inner);
        append_node (out, json_array_get_element (array, i), inner);
      }
      if (n)
        append_newline (out, indent);
      g_string_append_c (out, ']');
      break;
    }
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node)) {
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" :
              "false");
          break;
        default:
          g_string_append_printf (out, "%" G_GINT64_FORMAT,
              json_node_get_int (node));
          break;
      }
      break;
  }
}

/* Serialises the builder's document as a text file (a line per event for
 * JSON Lines); takes @builder. */
static gchar *
generate (JsonBuilder * builder, gboolean pretty)
{
  JsonNode *root = json_builder_get_root (builder);
  GString *out = g_string_new (NULL);

  append_node (out, root, pretty ? 0 : -1);
  g_string_append_c (out, '\n');
  json_node_unref (root);
  g_object_unref (builder);
  return g_string_free (out, FALSE);
}

/**
 * gst_vocr_insights_to_json:
 * @items: (element-type GstVocrItem): the items, in the order to write them
 * @name: (nullable): the video's name
 * @duration: the video's duration, or GST_CLOCK_TIME_NONE if unknown
 * @source_language: (nullable): the BCP-47 tag of the video's language;
 *   "en-US" if %NULL
 *
 * Writes @items as a Video Indexer index: the video's insights with the
 * items as its `ocr` insight, times as gst_vocr_format_time() writes them.
 * Confidences are rounded to four decimals and written as such ("0.9613").
 *
 * Returns: (transfer full): the JSON document, pretty-printed, ending with
 *   a newline
 */
gchar *
gst_vocr_insights_to_json (GPtrArray * items, const gchar * name,
    GstClockTime duration, const gchar * source_language)
{
  JsonBuilder *builder;
  guint i, j;

  g_return_val_if_fail (items != NULL, NULL);

  if (source_language == NULL)
    source_language = "en-US";

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  if (GST_CLOCK_TIME_IS_VALID (duration)) {
    add_number (builder, "durationInSeconds", (gdouble) duration / GST_SECOND);
  } else {
    json_builder_set_member_name (builder, "durationInSeconds");
    json_builder_add_null_value (builder);
  }
  json_builder_set_member_name (builder, "videos");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  json_builder_set_member_name (builder, "insights");
  json_builder_begin_object (builder);
  add_string (builder, "version", "1.0.0.0");
  add_time (builder, "duration", duration);
  add_string (builder, "sourceLanguage", source_language);
  add_string (builder, "language", source_language);
  json_builder_set_member_name (builder, "ocr");
  json_builder_begin_array (builder);
  for (i = 0; i < items->len; i++) {
    const GstVocrItem *item = g_ptr_array_index (items, i);

    json_builder_begin_object (builder);
    add_item_members (builder, item);
    json_builder_set_member_name (builder, "instances");
    json_builder_begin_array (builder);
    for (j = 0; j < item->instances->len; j++) {
      const GstVocrInstance *inst =
          &g_array_index (item->instances, GstVocrInstance, j);

      json_builder_begin_object (builder);
      add_time (builder, "adjustedStart", inst->adjusted_start);
      add_time (builder, "adjustedEnd", inst->adjusted_end);
      add_time (builder, "start", inst->start);
      add_time (builder, "end", inst->end);
      add_wallclock (builder, "wallClockStart", inst->wallclock_start);
      add_wallclock (builder, "wallClockEnd", inst->wallclock_end);
      json_builder_end_object (builder);
    }
    json_builder_end_array (builder);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return generate (builder, TRUE);
}

/**
 * gst_vocr_insights_event_to_jsonl:
 * @event: an aggregator event
 *
 * Writes @event as one line of JSON: "event" ("start" or "end"), the
 * item's members as in gst_vocr_insights_to_json() and the "start" and
 * "adjustedStart" of the instance concerned (the item's last), plus its
 * "end" and "adjustedEnd" for an end.
 *
 * Returns: (transfer full): the line, ending with a newline
 */
gchar *
gst_vocr_insights_event_to_jsonl (const GstVocrAggregatorEvent * event)
{
  gboolean end;
  const GstVocrInstance *inst;
  JsonBuilder *builder;

  g_return_val_if_fail (event != NULL && event->item != NULL, NULL);
  g_return_val_if_fail (event->item->instances->len > 0, NULL);

  end = event->type == GST_VOCR_AGGREGATOR_EVENT_INSTANCE_END;
  inst = &g_array_index (event->item->instances, GstVocrInstance,
      event->item->instances->len - 1);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "event", end ? "end" : "start");
  add_item_members (builder, event->item);
  add_time (builder, "start", inst->start);
  add_time (builder, "adjustedStart", inst->adjusted_start);
  add_wallclock (builder, "wallClockStart", inst->wallclock_start);
  if (end) {
    add_time (builder, "end", inst->end);
    add_time (builder, "adjustedEnd", inst->adjusted_end);
    add_wallclock (builder, "wallClockEnd", inst->wallclock_end);
  }
  json_builder_end_object (builder);

  return generate (builder, FALSE);
}

/* Makes @text one line of valid UTF-8 fit for a subtitle cue: each run of
 * control characters (CR, LF, tab, ...) and line or paragraph separators
 * becomes one space, so a cue never holds a line break, let alone the
 * blank line that would end it. For WebVTT & < > are escaped, which also
 * defuses "-->". SubRip has no escaping: there an arrow loses dashes until
 * it is "->", and markup-like text stays as it is. */
static gchar *
cue_text (const gchar * text, gboolean webvtt)
{
  gchar *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));
  gboolean brk = FALSE;
  const gchar *p;

  for (p = valid; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    GUnicodeType type = g_unichar_type (c);

    if (type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR ||
        type == G_UNICODE_PARAGRAPH_SEPARATOR) {
      brk = TRUE;
      continue;
    }
    if (brk)
      g_string_append_c (out, ' ');
    brk = FALSE;

    if (webvtt && c == '&') {
      g_string_append (out, "&amp;");
    } else if (webvtt && c == '<') {
      g_string_append (out, "&lt;");
    } else if (webvtt && c == '>') {
      g_string_append (out, "&gt;");
    } else if (c == '>') {
      while (g_str_has_suffix (out->str, "--"))
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '>');
    } else {
      g_string_append_unichar (out, c);
    }
  }
  g_free (valid);
  return g_strstrip (g_string_free (out, FALSE));
}

typedef struct
{
  guint64 start, end;           /* milliseconds */
  guint id, order;
  gchar *text;
} Cue;

static void
cue_clear (Cue * cue)
{
  g_free (cue->text);
}

static GArray *
cue_array_new (void)
{
  GArray *cues = g_array_new (FALSE, FALSE, sizeof (Cue));

  g_array_set_clear_func (cues, (GDestroyNotify) cue_clear);
  return cues;
}

/* Only instances with both ends that still last after rounding to the
 * millisecond make cues: WebVTT and SubRip cues must end after they start. */
static gboolean
instance_to_ms (const GstVocrInstance * inst, guint64 * start, guint64 * end)
{
  if (!GST_CLOCK_TIME_IS_VALID (inst->start) ||
      !GST_CLOCK_TIME_IS_VALID (inst->end))
    return FALSE;
  *start = round_div (inst->start, GST_MSECOND);
  *end = round_div (inst->end, GST_MSECOND);
  return *end > *start;
}

static void
append_cue_time (GString * out, guint64 ms, gchar separator)
{
  g_string_append_printf (out, "%02" G_GUINT64_FORMAT ":%02u:%02u%c%03u",
      ms / 3600000, (guint) (ms / 60000 % 60), (guint) (ms / 1000 % 60),
      separator, (guint) (ms % 1000));
}

/* Writes the cues, numbered for SubRip; takes @cues. */
static gchar *
cues_to_string (GArray * cues, gboolean webvtt)
{
  GString *out = g_string_new (webvtt ? "WEBVTT\n\n" : "");
  gchar separator = webvtt ? '.' : ',';
  guint i;

  for (i = 0; i < cues->len; i++) {
    const Cue *cue = &g_array_index (cues, Cue, i);

    if (!webvtt)
      g_string_append_printf (out, "%u\n", i + 1);
    append_cue_time (out, cue->start, separator);
    g_string_append (out, " --> ");
    append_cue_time (out, cue->end, separator);
    g_string_append_printf (out, "\n%s\n\n", cue->text);
  }
  g_array_unref (cues);
  return g_string_free (out, FALSE);
}

static gint
compare_cues (gconstpointer a, gconstpointer b)
{
  const Cue *ca = a, *cb = b;

  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  if (ca->id != cb->id)
    return ca->id < cb->id ? -1 : 1;
  if (ca->end != cb->end)
    return ca->end < cb->end ? -1 : 1;
  return (ca->order > cb->order) - (ca->order < cb->order);
}

/**
 * gst_vocr_insights_to_webvtt:
 * @items: (element-type GstVocrItem): the items
 *
 * Writes @items as WebVTT subtitles: a cue per instance, ordered by start
 * time, then by id. Cues of texts on screen together overlap, which WebVTT
 * allows. Times are rounded to the millisecond; instances that then last
 * no time, and items with no text, make no cue.
 *
 * Returns: (transfer full): the WebVTT file
 */
gchar *
gst_vocr_insights_to_webvtt (GPtrArray * items)
{
  GArray *cues;
  guint i, j;

  g_return_val_if_fail (items != NULL, NULL);

  cues = cue_array_new ();
  for (i = 0; i < items->len; i++) {
    const GstVocrItem *item = g_ptr_array_index (items, i);
    gchar *text = cue_text (item->text, TRUE);

    for (j = 0; *text && j < item->instances->len; j++) {
      Cue cue;

      if (!instance_to_ms (&g_array_index (item->instances, GstVocrInstance,
                  j), &cue.start, &cue.end))
        continue;
      cue.id = item->id;
      cue.order = cues->len;
      cue.text = g_strdup (text);
      g_array_append_val (cues, cue);
    }
    g_free (text);
  }
  g_array_sort (cues, compare_cues);

  return cues_to_string (cues, TRUE);
}

/* An item being swept along the timeline for SubRip. */
typedef struct
{
  const GstVocrItem *item;
  gchar *text;
  guint index;
  guint visible;                /* its instances covering the moment */
} SrtEntry;

/* An instance starting (+1) or ending (-1). */
typedef struct
{
  guint64 time;                 /* milliseconds */
  gint delta;
  guint entry;
} SrtEdge;

static gint
compare_edges (gconstpointer a, gconstpointer b)
{
  const SrtEdge *ea = a, *eb = b;

  return (ea->time > eb->time) - (ea->time < eb->time);
}

/* Top to bottom, then left to right. */
static gint
compare_positions (const SrtEntry * a, const SrtEntry * b)
{
  if (a->item->y != b->item->y)
    return a->item->y < b->item->y ? -1 : 1;
  if (a->item->x != b->item->x)
    return a->item->x < b->item->x ? -1 : 1;
  if (a->item->id != b->item->id)
    return a->item->id < b->item->id ? -1 : 1;
  return (a->index > b->index) - (a->index < b->index);
}

static void
srt_apply_edge (GPtrArray * visible, SrtEntry * entry, gint delta)
{
  guint i;

  entry->visible += delta;
  if (delta < 0 && entry->visible == 0) {
    g_ptr_array_remove (visible, entry);
  } else if (delta > 0 && entry->visible == 1) {
    for (i = 0; i < visible->len; i++) {
      if (compare_positions (entry, g_ptr_array_index (visible, i)) < 0)
        break;
    }
    g_ptr_array_insert (visible, i, entry);
  }
}

static gchar *
srt_join (GPtrArray * visible)
{
  GString *text = g_string_new (NULL);
  guint i;

  for (i = 0; i < visible->len; i++) {
    const SrtEntry *entry = g_ptr_array_index (visible, i);

    if (i > 0)
      g_string_append_c (text, '\n');
    g_string_append (text, entry->text);
  }
  return g_string_free (text, FALSE);
}

/**
 * gst_vocr_insights_to_srt:
 * @items: (element-type GstVocrItem): the items
 *
 * Writes @items as SubRip subtitles. SubRip players do not show
 * overlapping cues well, so the timeline is cut wherever a text appears or
 * disappears and each stretch with text on screen is one cue, holding the
 * texts then visible one per line, top to bottom (then left to right).
 * Consecutive stretches with the same lines are one cue. Times are rounded
 * to the millisecond.
 *
 * Returns: (transfer full): the SubRip file
 */
gchar *
gst_vocr_insights_to_srt (GPtrArray * items)
{
  SrtEntry *entries;
  GArray *edges, *cues;
  const SrtEdge *edge;
  GPtrArray *visible;
  guint i, j;

  g_return_val_if_fail (items != NULL, NULL);

  entries = g_new0 (SrtEntry, items->len);
  edges = g_array_new (FALSE, FALSE, sizeof (SrtEdge));
  for (i = 0; i < items->len; i++) {
    entries[i].item = g_ptr_array_index (items, i);
    entries[i].text = cue_text (entries[i].item->text, FALSE);
    entries[i].index = i;
    for (j = 0; *entries[i].text && j < entries[i].item->instances->len; j++) {
      SrtEdge start = { 0, 1, i }, end = { 0, -1, i };

      if (!instance_to_ms (&g_array_index (entries[i].item->instances,
                  GstVocrInstance, j), &start.time, &end.time))
        continue;
      g_array_append_val (edges, start);
      g_array_append_val (edges, end);
    }
  }
  g_array_sort (edges, compare_edges);
  edge = (const SrtEdge *) edges->data;

  /* The visible set after all edges at one time does not depend on their
   * order, so the unstable sort above is fine. */
  visible = g_ptr_array_new ();
  cues = cue_array_new ();
  for (i = 0; i < edges->len;) {
    guint64 now = edge[i].time;
    Cue cue = { 0, }, *last;

    for (; i < edges->len && edge[i].time == now; i++)
      srt_apply_edge (visible, &entries[edge[i].entry], edge[i].delta);
    if (visible->len == 0)
      continue;

    /* every instance ends, so there is a next edge */
    cue.start = now;
    cue.end = edge[i].time;
    cue.text = srt_join (visible);
    last = cues->len ? &g_array_index (cues, Cue, cues->len - 1) : NULL;
    if (last && last->end == cue.start && g_str_equal (last->text, cue.text)) {
      last->end = cue.end;
      g_free (cue.text);
    } else {
      g_array_append_val (cues, cue);
    }
  }

  for (i = 0; i < items->len; i++)
    g_free (entries[i].text);
  g_free (entries);
  g_ptr_array_unref (visible);
  g_array_unref (edges);
  return cues_to_string (cues, FALSE);
}
