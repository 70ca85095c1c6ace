/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:gstvocrtextmeta
 * @title: GstVocrTextMeta
 * @short_description: the text read in a video frame
 *
 * `vocrtextdetect` attaches one #GstVocrTextMeta to every frame it sampled
 * (and only to those), next to one #GstVideoRegionOfInterestMeta of type
 * "text" per line for elements that only know the standard meta.
 *
 * |[<!-- language="C" -->
 * GstVocrTextMeta *meta = gst_buffer_get_vocr_text_meta (buffer);
 * if (meta) {
 *   for (guint i = 0; i < gst_vocr_text_meta_get_n_lines (meta); i++) {
 *     const GstVocrLine *line = gst_vocr_text_meta_get_line (meta, i);
 *     g_print ("%s (%.2f) at %d,%d\n", line->text, line->confidence,
 *         line->x, line->y);
 *   }
 * }
 * ]|
 *
 * The meta carries the tags "video", "size" and "orientation", like the
 * region-of-interest meta: it is copied with the buffer, its boxes are
 * rescaled by elements that scale video, and it is dropped by elements that
 * rotate or crop it.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <gst/video/video.h>
#include "gstvocrtextmeta.h"

GType
gst_vocr_text_meta_api_get_type (void)
{
  static GType type = 0;
  static const gchar *tags[] = { GST_META_TAG_VIDEO_STR,
    GST_META_TAG_VIDEO_SIZE_STR, GST_META_TAG_VIDEO_ORIENTATION_STR, NULL
  };

  if (g_once_init_enter (&type)) {
    GType api = gst_meta_api_type_register ("GstVocrTextMetaAPI", tags);
    g_once_init_leave (&type, api);
  }
  return type;
}

static gboolean
gst_vocr_text_meta_init (GstMeta * meta, gpointer params, GstBuffer * buffer)
{
  GstVocrTextMeta *tmeta = (GstVocrTextMeta *) meta;

  tmeta->timestamp = GST_CLOCK_TIME_NONE;
  tmeta->wallclock = GST_CLOCK_TIME_NONE;
  tmeta->changes = NULL;
  tmeta->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_line_free);
  return TRUE;
}

static void
gst_vocr_text_meta_free (GstMeta * meta, GstBuffer * buffer)
{
  GstVocrTextMeta *tmeta = (GstVocrTextMeta *) meta;

  g_clear_pointer (&tmeta->lines, g_ptr_array_unref);
  g_clear_pointer (&tmeta->changes, g_array_unref);
}

static gboolean
gst_vocr_text_meta_transform (GstBuffer * dest, GstMeta * meta,
    GstBuffer * buffer, GQuark type, gpointer data)
{
  GstVocrTextMeta *src = (GstVocrTextMeta *) meta, *dmeta;
  gdouble sx = 1.0, sy = 1.0;
  guint i;

  if (GST_META_TRANSFORM_IS_COPY (type)) {
    /* a copy of a region of the buffer keeps the meta only when it is
     * the whole frame */
    GstMetaTransformCopy *copy = data;

    if (copy->region)
      return TRUE;
  } else if (GST_VIDEO_META_TRANSFORM_IS_SCALE (type)) {
    GstVideoMetaTransform *trans = data;

    if (GST_VIDEO_INFO_WIDTH (trans->in_info) <= 0
        || GST_VIDEO_INFO_HEIGHT (trans->in_info) <= 0)
      return FALSE;
    sx = (gdouble) GST_VIDEO_INFO_WIDTH (trans->out_info) /
        GST_VIDEO_INFO_WIDTH (trans->in_info);
    sy = (gdouble) GST_VIDEO_INFO_HEIGHT (trans->out_info) /
        GST_VIDEO_INFO_HEIGHT (trans->in_info);
  } else {
    /* rotation, cropping and anything we do not know: the boxes would lie */
    return FALSE;
  }

  dmeta = gst_buffer_add_vocr_text_meta (dest, src->timestamp);
  if (dmeta == NULL)
    return FALSE;
  dmeta->wallclock = src->wallclock;
  if (src->changes) {
    dmeta->changes = g_array_sized_new (FALSE, FALSE, sizeof (GstVocrChange),
        src->changes->len);
    for (i = 0; i < src->changes->len; i++) {
      GstVocrChange c = g_array_index (src->changes, GstVocrChange, i);

      c.x = (gint) lround (c.x * sx);
      c.y = (gint) lround (c.y * sy);
      c.width = (gint) lround (c.width * sx);
      c.height = (gint) lround (c.height * sy);
      g_array_append_val (dmeta->changes, c);
    }
  }
  for (i = 0; i < src->lines->len; i++) {
    g_ptr_array_add (dmeta->lines,
        gst_vocr_line_scale (g_ptr_array_index (src->lines, i), sx, sy));
  }
  return TRUE;
}

/**
 * gst_vocr_text_meta_get_info:
 *
 * Returns: (transfer none): the #GstMetaInfo of #GstVocrTextMeta
 */
const GstMetaInfo *
gst_vocr_text_meta_get_info (void)
{
  static const GstMetaInfo *info = NULL;

  if (g_once_init_enter ((GstMetaInfo **) & info)) {
    const GstMetaInfo *mi = gst_meta_register (GST_VOCR_TEXT_META_API_TYPE,
        "GstVocrTextMeta", sizeof (GstVocrTextMeta),
        gst_vocr_text_meta_init, gst_vocr_text_meta_free,
        gst_vocr_text_meta_transform);
    g_once_init_leave ((GstMetaInfo **) & info, (GstMetaInfo *) mi);
  }
  return info;
}

/**
 * gst_buffer_add_vocr_text_meta:
 * @buffer: a writable #GstBuffer
 * @timestamp: PTS of the frame the text was read from
 *
 * Attaches an empty text meta; add lines with gst_vocr_text_meta_add_line().
 *
 * Returns: (transfer none): the new meta
 */
GstVocrTextMeta *
gst_buffer_add_vocr_text_meta (GstBuffer * buffer, GstClockTime timestamp)
{
  GstVocrTextMeta *meta;

  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);

  meta = (GstVocrTextMeta *) gst_buffer_add_meta (buffer,
      GST_VOCR_TEXT_META_INFO, NULL);
  if (meta)
    meta->timestamp = timestamp;
  return meta;
}

/**
 * gst_buffer_get_vocr_text_meta:
 * @buffer: a #GstBuffer
 *
 * Returns: (transfer none) (nullable): the buffer's text meta, or %NULL if
 *   the frame was not sampled
 */
GstVocrTextMeta *
gst_buffer_get_vocr_text_meta (GstBuffer * buffer)
{
  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);

  return (GstVocrTextMeta *) gst_buffer_get_meta (buffer,
      GST_VOCR_TEXT_META_API_TYPE);
}

/**
 * gst_vocr_text_meta_add_line:
 * @meta: a #GstVocrTextMeta on a writable buffer
 * @line: (transfer full): the next line
 */
void
gst_vocr_text_meta_add_line (GstVocrTextMeta * meta, GstVocrLine * line)
{
  g_return_if_fail (meta != NULL);
  g_return_if_fail (line != NULL);

  g_ptr_array_add (meta->lines, line);
}

/**
 * gst_vocr_text_meta_get_n_lines:
 * @meta: a #GstVocrTextMeta
 *
 * Returns: the number of lines; 0 when the frame was read and held no text
 */
guint
gst_vocr_text_meta_get_n_lines (GstVocrTextMeta * meta)
{
  g_return_val_if_fail (meta != NULL, 0);
  return meta->lines->len;
}

/**
 * gst_vocr_text_meta_get_line:
 * @meta: a #GstVocrTextMeta
 * @index: a line index, less than gst_vocr_text_meta_get_n_lines()
 *
 * Returns: (transfer none) (nullable): the line, or %NULL if @index is out
 *   of range
 */
const GstVocrLine *
gst_vocr_text_meta_get_line (GstVocrTextMeta * meta, guint index)
{
  g_return_val_if_fail (meta != NULL, NULL);
  if (index >= meta->lines->len)
    return NULL;
  return g_ptr_array_index (meta->lines, index);
}

/**
 * gst_vocr_text_meta_get_timestamp:
 * @meta: a #GstVocrTextMeta
 *
 * Returns: the PTS of the frame the text was read from
 */
GstClockTime
gst_vocr_text_meta_get_timestamp (GstVocrTextMeta * meta)
{
  g_return_val_if_fail (meta != NULL, GST_CLOCK_TIME_NONE);
  return meta->timestamp;
}

/**
 * gst_vocr_text_meta_get_wallclock:
 * @meta: a #GstVocrTextMeta
 *
 * Returns: when the frame read was captured, in nanoseconds since the UNIX
 *   epoch, or GST_CLOCK_TIME_NONE if its source did not say
 */
GstClockTime
gst_vocr_text_meta_get_wallclock (GstVocrTextMeta * meta)
{
  g_return_val_if_fail (meta != NULL, GST_CLOCK_TIME_NONE);
  return meta->wallclock;
}

/**
 * gst_vocr_text_meta_get_changes:
 * @meta: a #GstVocrTextMeta
 *
 * Returns: (transfer none) (element-type GstVocrChange) (nullable): where
 *   the text changed since the frame read before, and when (see
 *   #GstVocrTextMeta); %NULL when the frames between were not compared
 */
GArray *
gst_vocr_text_meta_get_changes (GstVocrTextMeta * meta)
{
  g_return_val_if_fail (meta != NULL, NULL);
  return meta->changes;
}

/* seconds from the NTP epoch (1900) to the UNIX epoch (1970) */
#define NTP_TO_UNIX (G_GUINT64_CONSTANT (2208988800) * GST_SECOND)

/**
 * gst_vocr_buffer_get_wallclock:
 * @buffer: a #GstBuffer
 *
 * Reads the capture time a source put on @buffer as a
 * #GstReferenceTimestampMeta: "timestamp/x-unix" as it is,
 * "timestamp/x-ntp" (what `rtspsrc add-reference-timestamp-meta=true`
 * gives from the sender's RTCP) moved to the UNIX epoch.
 *
 * Returns: nanoseconds since the UNIX epoch, or GST_CLOCK_TIME_NONE
 */
GstClockTime
gst_vocr_buffer_get_wallclock (GstBuffer * buffer)
{
  GstReferenceTimestampMeta *meta;
  gpointer state = NULL;

  g_return_val_if_fail (GST_IS_BUFFER (buffer), GST_CLOCK_TIME_NONE);

  while ((meta = (GstReferenceTimestampMeta *)
          gst_buffer_iterate_meta_filtered (buffer, &state,
              GST_REFERENCE_TIMESTAMP_META_API_TYPE))) {
    const GstStructure *s = gst_caps_get_structure (meta->reference, 0);

    if (gst_structure_has_name (s, "timestamp/x-unix"))
      return meta->timestamp;
    if (gst_structure_has_name (s, "timestamp/x-ntp")
        && meta->timestamp >= NTP_TO_UNIX)
      return meta->timestamp - NTP_TO_UNIX;
  }
  return GST_CLOCK_TIME_NONE;
}
