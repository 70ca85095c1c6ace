/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gst/video/video.h>
#include "gstvocr-prelude.h"

G_BEGIN_DECLS

/**
 * GstVocrChangeDetector: (skip)
 *
 * Decides cheaply whether the text in a frame may differ from the text in
 * the last frame that was read, so that frames whose text did not change
 * need not be read again. Not thread-safe: one per stream.
 */
typedef struct _GstVocrChangeDetector GstVocrChangeDetector;

/**
 * GstVocrChange:
 * @x: left edge of the place that changed, in pixels of the frame
 * @y: its top edge
 * @width: its width
 * @height: its height
 * @timestamp: the timestamp of the last frame, since the frame read
 *   before, in which the place changed: when its text took the look it has
 *   in the frame read (a subtitle came or went, a typed word got its last
 *   letter, a fade ended)
 * @moving: whether it was still changing in the frame read, as over the
 *   time before: moving text (a ticker, credits, a filmed sign), whose
 *   reading is of that frame only
 *
 * A place whose text changed between two frames read, and when.
 */
typedef struct
{
  gint x, y, width, height;
  GstClockTime timestamp;
  gboolean moving;
} GstVocrChange;

GST_VOCR_API GstVocrChangeDetector *gst_vocr_change_detector_new (void);

GST_VOCR_API void gst_vocr_change_detector_free (GstVocrChangeDetector * det);

GST_VOCR_API void gst_vocr_change_detector_reset (GstVocrChangeDetector * det);

GST_VOCR_API
gboolean gst_vocr_change_detector_update (GstVocrChangeDetector * det,
    const GstVideoFrame * frame, const GstVideoRectangle * roi,
    gdouble threshold);

GST_VOCR_API
void gst_vocr_change_detector_set_reference (GstVocrChangeDetector * det);

GST_VOCR_API
gboolean gst_vocr_change_detector_changed_within (GstVocrChangeDetector * det,
    const GstVideoRectangle * rect);
GST_VOCR_API
guint gst_vocr_change_detector_get_text_cells (GstVocrChangeDetector * det);

GST_VOCR_API
GArray *gst_vocr_change_detector_get_regions (GstVocrChangeDetector * det);

GST_VOCR_API
gboolean gst_vocr_change_detector_would_keep (GstVocrChangeDetector * det,
    GstClockTime timestamp);

GST_VOCR_API
void gst_vocr_change_detector_keep (GstVocrChangeDetector * det,
    const GstVideoFrame * frame, const GstVideoRectangle * roi,
    GstClockTime timestamp);

GST_VOCR_API
void gst_vocr_change_detector_drop_kept (GstVocrChangeDetector * det);

GST_VOCR_API
GArray *gst_vocr_change_detector_get_changes (GstVocrChangeDetector * det,
    GstClockTime timestamp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GstVocrChangeDetector,
    gst_vocr_change_detector_free)

typedef struct _GstVocrSnapshot GstVocrSnapshot;

/**
 * GstVocrSnapshotChange:
 * @GST_VOCR_SNAPSHOT_SAME: the place shows what it showed (a few pixels
 *   aside: compression)
 * @GST_VOCR_SNAPSHOT_CHANGED: it changed all along, a little, or is empty
 *   or out of the frame: a moving picture shows through the text
 * @GST_VOCR_SNAPSHOT_GLYPHS_CHANGED: a glyph or two changed and the rest
 *   of it stayed still: text replaced in place ("Page 2" became "Page 3")
 * @GST_VOCR_SNAPSHOT_GONE: much of it changed (a quarter of its pixels or
 *   more): its text went, moved, or other text took its place; a moving
 *   picture showing through still text changes a few hundredths of it
 *
 * How a place of a #GstVocrSnapshot compares with a later frame.
 */
typedef enum
{
  GST_VOCR_SNAPSHOT_SAME,
  GST_VOCR_SNAPSHOT_CHANGED,
  GST_VOCR_SNAPSHOT_GLYPHS_CHANGED,
  GST_VOCR_SNAPSHOT_GONE,
} GstVocrSnapshotChange;

GST_VOCR_API
GstVocrSnapshot *gst_vocr_snapshot_new (const GstVideoFrame * frame,
    const GstVideoRectangle * places, guint n_places);

GST_VOCR_API
guint gst_vocr_snapshot_get_n_places (const GstVocrSnapshot * snapshot);

GST_VOCR_API
void gst_vocr_snapshot_compare (const GstVocrSnapshot * snapshot,
    const GstVideoFrame * frame, GstVocrSnapshotChange * changes);

GST_VOCR_API void gst_vocr_snapshot_free (GstVocrSnapshot * snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GstVocrSnapshot, gst_vocr_snapshot_free)

G_END_DECLS
