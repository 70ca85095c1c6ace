/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:element-vocrtextdetect
 * @title: vocrtextdetect
 *
 * Finds and reads the text in a video with Tesseract. The element samples
 * frames by time (#GstVocrTextDetect:interval), reads them on a pool of
 * worker threads (one Tesseract engine each) and passes every frame through
 * unmodified and in order. A sampled frame leaves the element carrying what
 * was read in it:
 *
 * - a #GstVocrTextMeta with the lines, their words, boxes, confidences,
 *   languages and angles (see the `libgstvocr-1.0` API);
 * - one #GstVideoRegionOfInterestMeta of type "text" per line, whose
 *   "vocr-line" parameter structure holds `text`, `confidence`, `language`
 *   and `angle`.
 *
 * Frames that were not sampled carry neither. Sampled frames are held until
 * they are read, so a result is always attached to the frame it describes;
 * the frames behind them wait with them, which keeps the stream's order.
 *
 * A sample is given to Tesseract only when its text may have changed since
 * the last sample read (#GstVocrTextDetect:change-threshold), and then only
 * the places that look like text, and the rows of large characters (a
 * licence plate's) that those do not already read; otherwise it carries
 * the last reading. #GstVocrTextDetect:refresh-interval bounds how long a
 * reading is kept.
 *
 * When #GstVocrTextDetect:message is %TRUE the element posts an element
 * message named `vocr-text` for each sampled frame, also when no text was
 * found:
 *
 * - `timestamp` (#guint64): the frame's PTS
 * - `stream-time` (#guint64): the frame's stream time (position in the
 *   media)
 * - `running-time` (#guint64): the frame's running time (position on the
 *   pipeline's clock)
 * - `duration` (#guint64): the frame's duration
 * - `frame` (#guint64): the frame's number, counted from 0 since the
 *   element started or was last flushed
 * - `lines` (#GstValueList of #GstStructure): one `vocr-line` structure per
 *   line with `text` (#gchararray), `confidence` (#gdouble, 0 to 1), `x`,
 *   `y`, `width`, `height` (#gint, pixels of the frame), `angle` (#gdouble,
 *   degrees: 0 reads left to right, 90 top to bottom) and `language`
 *   (#gchararray, BCP-47 such as "en-US")
 * - `wallclock` (#guint64, only when the source gave the frame's capture
 *   time as a #GstReferenceTimestampMeta): nanoseconds since the UNIX epoch
 *
 * With #GstVocrTextDetect:change-messages it also posts
 * `vocr-text-appeared`, `vocr-text-changed` (with `previous-text`) and
 * `vocr-text-disappeared`, each with the line's fields and the sample's
 * `timestamp`, `stream-time` and `running-time`, when the text on screen
 * changes from one sample to the next.
 *
 * With a live upstream a frame waits at most #GstVocrTextDetect:max-latency
 * (added to the reported latency) for its reading; a reading done later is
 * posted with the frame's own timestamps and attached to the next buffer,
 * and samples arriving while every worker is busy (or before any has
 * loaded its models) are skipped.
 *
 * Every #GstVocrTextDetect:stats-interval of running time, and before EOS,
 * it posts `vocr-stats`: `samples`, `recognised` (samples given to the
 * workers), `reused` (answered without OCR), `skipped` (live samples no
 * worker was free for), `timeouts` (reads abandoned after
 * #GstVocrTextDetect:max-ocr-time), `regions-read` and `regions-carried`
 * (places and rows Tesseract read, and places whose unchanged text kept
 * the last reading)
 * (#guint64 each), `mean-ocr-ms` (#gdouble) and `queue-depth` (#guint,
 * buffers and events held).
 *
 * ## Example launch line
 * |[
 * gst-launch-1.0 -m videotestsrc num-buffers=60 ! \
 *     textoverlay text="Hello GStreamer" font-desc="Sans 36" ! \
 *     vocrtextdetect ! fakesink
 * ]| Prints a `vocr-text` message twice a second with the text it read.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include <gst/video/video.h>
#include "vocr.h"
#include "gstvocrtextdetect.h"

GST_DEBUG_CATEGORY_STATIC (gst_vocr_text_detect_debug);
#define GST_CAT_DEFAULT gst_vocr_text_detect_debug

#define DEFAULT_LANGUAGES "eng"
#define DEFAULT_TESSDATA_DIR NULL
#define DEFAULT_INTERVAL (500 * GST_MSECOND)
#define DEFAULT_MIN_CONFIDENCE 50.0
#define DEFAULT_OTHER_SCRIPTS TRUE
#define DEFAULT_PAGE_SEGMENTATION GST_VOCR_PAGE_SEGMENTATION_AUTO
#define DEFAULT_ROI NULL
#define DEFAULT_MESSAGE TRUE
#define DEFAULT_CHANGE_THRESHOLD 0.5
#define DEFAULT_REFRESH_INTERVAL (10 * GST_SECOND)
#define DEFAULT_STATS_INTERVAL (5 * GST_SECOND)
#define DEFAULT_MAX_LATENCY (500 * GST_MSECOND)
#define DEFAULT_CHANGE_MESSAGES FALSE
#define DEFAULT_MAX_OCR_TIME (5 * GST_SECOND)
/* a line whose text is at least this similar to the one in its place
 * before is the same text read again, not a change */
#define SAME_TEXT_SIMILARITY 0.8
#define MAX_THREADS 64
/* Frames held while earlier samples are read: enough for decoding to run
 * ahead of OCR (23 frames of 720p, 10 of 1080p), bounded so that memory
 * does not grow with the video's resolution or length (peak RSS of a 1080p
 * file stays under 200 MiB). */
#define MAX_PENDING_BYTES (32 * 1024 * 1024)
#define MIN_PENDING_ITEMS 4
#define LATENCY_MARGIN (50 * GST_MSECOND)

enum
{
  PROP_0,
  PROP_LANGUAGES,
  PROP_TESSDATA_DIR,
  PROP_INTERVAL,
  PROP_THREADS,
  PROP_MIN_CONFIDENCE,
  PROP_PAGE_SEGMENTATION,
  PROP_ROI,
  PROP_MESSAGE,
  PROP_CHANGE_THRESHOLD,
  PROP_REFRESH_INTERVAL,
  PROP_STATS_INTERVAL,
  PROP_MAX_LATENCY,
  PROP_CHANGE_MESSAGES,
  PROP_MAX_OCR_TIME,
  PROP_OTHER_SCRIPTS,
};

#define VIDEO_FORMATS "{ GRAY8, I420, YV12, NV12, NV21, Y42B, Y444, Y41B, " \
    "RGB, BGR, RGBx, BGRx, xRGB, xBGR, RGBA, BGRA, ARGB, ABGR }"

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK,
    GST_PAD_ALWAYS,
    GST_STATIC_CAPS (GST_VIDEO_CAPS_MAKE (VIDEO_FORMATS)));

static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC,
    GST_PAD_ALWAYS,
    GST_STATIC_CAPS (GST_VIDEO_CAPS_MAKE (VIDEO_FORMATS)));

/* What was read in a frame. Shared: the samples whose text did not change
 * since that frame carry the same result. Fields other than refcount are
 * written by a worker and read by the output task, under the element's
 * lock. */
typedef struct
{
  gint refcount;
  gboolean done;
  GPtrArray *lines;
  /* the luma of each line's box, in the order of @lines */
  GstVocrSnapshot *snapshot;
  GError *error;
} Result;

static void result_unref (Result * result);

/* How a frame is read; a change of these means rereading. */
typedef struct
{
  GstVideoRectangle roi;
  gboolean has_roi;
  GstVocrPageSegmentation mode;
  gdouble min_confidence;       /* 0 to 1 */
  gboolean other_scripts;
} ReadSettings;

/* A sampled frame on its way through the element. */
typedef struct
{
  GstVideoFrame frame;          /* mapped read-only */
  /* live: a ref of the buffer the frame maps, so that the buffer can leave
   * (a writable copy sharing the memory) before it is read */
  GstBuffer *held;
  GstClockTime pts, duration;
  GstClockTime wallclock;       /* capture time, UNIX ns, or NONE */
  /* where and when (GstVocrChange) the text changed since the last frame
   * read, NULL if not compared */
  GArray *changes;
  ReadSettings settings;
  gboolean post_message, change_messages;
  guint time_limit_ms;
  GstClockTime running_time, stream_time;
  guint64 frame_number;
  Result *result;
  /* the places that look like text (GstVideoRectangle), or NULL to read
   * the whole frame (or region of interest) */
  GArray *regions;
  /* the regions whose text did not change since the last frame read (one
   * flag per region; NULL: none), and that frame's reading: their lines
   * are taken from it instead of read again, and so are its lines that a
   * region read again misses though they did not change
   * (keep_unchanged_lines()) */
  gboolean *unchanged;
  Result *carry_from;
  /* how each line of carry_from compares with the frame
   * (gst_vocr_snapshot_compare()), NULL until compared: by decide() when
   * it found glyphs replaced, else once by the worker (the worker's alone
   * from then on) */
  GstVocrSnapshotChange *line_changes;
} Sample;

/* An entry of the output queue: a buffer or a serialized event, in stream
 * order, and for sampled buffers the sample being read. */
typedef struct
{
  GstMiniObject *object;
  Sample *sample;
  gsize size;                   /* bytes of a buffer, 0 for an event */
  gint64 deadline;              /* live: monotonic µs it must leave by */
} Item;

struct _GstVocrTextDetect
{
  GstElement parent;

  GstPad *sinkpad, *srcpad;

  /* properties, protected by the object lock */
  gchar *languages;
  gchar *tessdata_dir;
  guint threads;
  GstClockTime interval;
  gdouble min_confidence;       /* 0 to 100, as the property */
  GstVocrPageSegmentation mode;
  gchar *roi_string;
  GstVideoRectangle roi;
  gboolean has_roi;
  gboolean roi_valid;
  gboolean post_message;
  gdouble change_threshold;
  GstClockTime refresh_interval;
  GstClockTime stats_interval;
  GstClockTime max_latency;
  gboolean change_messages;
  GstClockTime max_ocr_time;
  gboolean other_scripts;
  gboolean engines_running;     /* languages, tessdata-dir, threads frozen */

  /* worker threads: started in READY->PAUSED, joined in PAUSED->READY */
  GPtrArray *workers;
  GCancellable *cancellable;

  /* protected by lock */
  GMutex lock;
  GCond item_cond;              /* a sample is done, the queue moved, or
                                 * flushing changed */
  GCond work_cond;              /* a sample waits for a worker, or shutdown */
  GQueue pending;               /* Items in stream order */
  gsize pending_bytes;
  GQueue todo;                  /* Samples no worker has taken yet */
  guint in_flight;              /* samples queued or being read */
  guint n_threads;
  guint engines_ready;          /* workers whose engine has loaded */
  gboolean load_failed;         /* a worker's engine did not load */
  gboolean live;                /* upstream is live: see the LATENCY query */
  gboolean live_asked;          /* upstream asked at the stream's first
                                 * buffer (streaming thread) */
  GQueue late;                  /* live: Samples whose frame left unread */
  GQueue overdue;               /* live: late Samples, read, whose lines go on
                                 * the next buffer out */
  /* statistics since start or the last flush */
  guint64 n_samples, n_read, n_reused, n_skipped, n_timeouts, n_read_done;
  guint64 n_regions_read, n_regions_carried;
  gdouble ocr_seconds;
  guint max_in_flight;
  gboolean shutdown;
  gboolean flushing;
  gboolean eos;
  GstFlowReturn srcresult;

  /* streaming state, protected by the sink pad's stream lock */
  GstVideoInfo info;
  gboolean have_info;
  GstSegment segment;
  GstClockTime next_sample;     /* running time of the next sample */
  guint64 frame_count;
  /* the last frame read: later frames whose text did not change reuse it */
  GstVocrChangeDetector *detector;
  Result *reference;
  ReadSettings reference_settings;
  GstClockTime reference_time;  /* running time */
  /* the change detector holds the reference frame */
  gboolean reference_compared;
  GstClockTime next_stats;      /* running time of the next vocr-stats */

  /* the reading the change messages last described: output task */
  Result *shown;
};

#define gst_vocr_text_detect_parent_class parent_class
G_DEFINE_TYPE_WITH_CODE (GstVocrTextDetect, gst_vocr_text_detect,
    GST_TYPE_ELEMENT,
    GST_DEBUG_CATEGORY_INIT (gst_vocr_text_detect_debug, "vocrtextdetect", 0,
        "Video OCR text detection"));
GST_ELEMENT_REGISTER_DEFINE (vocrtextdetect, "vocrtextdetect", GST_RANK_NONE,
    GST_TYPE_VOCR_TEXT_DETECT);

static void gst_vocr_text_detect_finalize (GObject * object);
static void gst_vocr_text_detect_set_property (GObject * object,
    guint prop_id, const GValue * value, GParamSpec * pspec);
static void gst_vocr_text_detect_get_property (GObject * object,
    guint prop_id, GValue * value, GParamSpec * pspec);
static GstStateChangeReturn gst_vocr_text_detect_change_state (GstElement *
    element, GstStateChange transition);
static GstFlowReturn gst_vocr_text_detect_chain (GstPad * pad,
    GstObject * parent, GstBuffer * buffer);
static gboolean gst_vocr_text_detect_sink_event (GstPad * pad,
    GstObject * parent, GstEvent * event);
static gboolean gst_vocr_text_detect_sink_query (GstPad * pad,
    GstObject * parent, GstQuery * query);
static gboolean gst_vocr_text_detect_src_activate_mode (GstPad * pad,
    GstObject * parent, GstPadMode mode, gboolean active);
static gboolean gst_vocr_text_detect_src_query (GstPad * pad,
    GstObject * parent, GstQuery * query);
static void gst_vocr_text_detect_loop (GstPad * pad);
static void reset_stream (GstVocrTextDetect * self);
static void drop_reference (GstVocrTextDetect * self);

static void
gst_vocr_text_detect_class_init (GstVocrTextDetectClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);

  gobject_class->finalize = gst_vocr_text_detect_finalize;
  gobject_class->set_property = gst_vocr_text_detect_set_property;
  gobject_class->get_property = gst_vocr_text_detect_get_property;

  /**
   * GstVocrTextDetect:languages:
   *
   * The languages to read, as Tesseract codes joined by '+' ("eng",
   * "eng+deu+chi_sim"). Each needs its `.traineddata` file, on Debian from
   * the package `tesseract-ocr-<code>`.
   */
  g_object_class_install_property (gobject_class, PROP_LANGUAGES,
      g_param_spec_string ("languages", "Languages",
          "Tesseract language codes joined by '+', e.g. eng+deu",
          DEFAULT_LANGUAGES, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_READY));

  /**
   * GstVocrTextDetect:tessdata-dir:
   *
   * The directory holding the `.traineddata` files. When unset, Tesseract's
   * own: `TESSDATA_PREFIX`, else the distribution's directory.
   */
  g_object_class_install_property (gobject_class, PROP_TESSDATA_DIR,
      g_param_spec_string ("tessdata-dir", "Tessdata directory",
          "Directory holding the .traineddata files (NULL: Tesseract's "
          "default)", DEFAULT_TESSDATA_DIR, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY));

  /**
   * GstVocrTextDetect:interval:
   *
   * Time between two sampled frames, in nanoseconds of running time; 0
   * reads every frame. Sampling follows the buffers' timestamps, so the
   * rate does not depend on the frame rate.
   */
  g_object_class_install_property (gobject_class, PROP_INTERVAL,
      g_param_spec_uint64 ("interval", "Interval",
          "Time between sampled frames in nanoseconds (0 = every frame)",
          0, G_MAXUINT64, DEFAULT_INTERVAL, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrTextDetect:threads:
   *
   * The number of worker threads, each with its own Tesseract engine.
   * Defaults to the number of CPU cores.
   */
  g_object_class_install_property (gobject_class, PROP_THREADS,
      g_param_spec_uint ("threads", "Threads",
          "Number of OCR worker threads, one Tesseract engine each "
          "(default: number of CPU cores)", 1, MAX_THREADS,
          MIN (g_get_num_processors (), MAX_THREADS),
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_READY));

  /**
   * GstVocrTextDetect:min-confidence:
   *
   * Lines read with a lower confidence, in percent, are dropped. Below 50
   * they are mostly Tesseract reading texture as text.
   */
  g_object_class_install_property (gobject_class, PROP_MIN_CONFIDENCE,
      g_param_spec_double ("min-confidence", "Minimum confidence",
          "Drop lines read with less confidence (0-100)", 0.0, 100.0,
          DEFAULT_MIN_CONFIDENCE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrTextDetect:page-segmentation:
   *
   * How Tesseract finds the text in a frame. Auto (layout analysis) reads
   * captions, slides and overlays best over varied video; sparse text finds
   * more scattered words but also more noise; single-line suits a caption
   * strip selected with #GstVocrTextDetect:roi.
   */
  g_object_class_install_property (gobject_class, PROP_PAGE_SEGMENTATION,
      g_param_spec_enum ("page-segmentation", "Page segmentation",
          "How Tesseract finds the text in a frame",
          GST_VOCR_TYPE_PAGE_SEGMENTATION, DEFAULT_PAGE_SEGMENTATION,
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrTextDetect:roi:
   *
   * The region of the frame to read, as "x,y,width,height" in pixels; empty
   * or unset reads the whole frame. The region is clipped to the frame.
   * Boxes are still reported in frame coordinates.
   */
  g_object_class_install_property (gobject_class, PROP_ROI,
      g_param_spec_string ("roi", "Region of interest",
          "Region to read as x,y,width,height (empty: whole frame)",
          DEFAULT_ROI, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_PLAYING));

  g_object_class_install_property (gobject_class, PROP_MESSAGE,
      g_param_spec_boolean ("message", "Message",
          "Post a vocr-text element message for each sampled frame",
          DEFAULT_MESSAGE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrTextDetect:change-threshold:
   *
   * A sampled frame is read only when its text may differ from the last
   * frame read: when enough of the sharp edges in the places that look like
   * text changed. This is the share (0 to 1) of such a place's edges that
   * must differ; lower rereads more often. 0 reads every sample. Frames
   * whose text did not change carry the last reading, boxes included.
   * The frames between samples are kept too (scaled down) and, when a
   * sample's text changed, compared with the last frame read, to date the
   * places where it changed (#GstVocrTextMeta's `changes`), so that
   * `vocrinsightsink` starts and ends instances at the frame the text
   * changed in; 0 keeps and compares nothing, and times fall on the
   * samples.
   */
  g_object_class_install_property (gobject_class, PROP_CHANGE_THRESHOLD,
      g_param_spec_double ("change-threshold", "Change threshold",
          "Share of a text area's edges that must change for a sample to be "
          "read again (0 = read every sample)", 0.0, 1.0,
          DEFAULT_CHANGE_THRESHOLD, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrTextDetect:refresh-interval:
   *
   * A sample is read after this much running time since the last read even
   * if nothing seemed to change, so that text the change detection missed
   * (faint, slowly fading in) is found within this delay. 0 never forces a
   * read.
   */
  g_object_class_install_property (gobject_class, PROP_REFRESH_INTERVAL,
      g_param_spec_uint64 ("refresh-interval", "Refresh interval",
          "Read a sample at least this often (ns of running time) even if "
          "nothing seemed to change (0 = never)", 0, G_MAXUINT64,
          DEFAULT_REFRESH_INTERVAL, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING));

  g_object_class_install_property (gobject_class, PROP_STATS_INTERVAL,
      g_param_spec_uint64 ("stats-interval", "Statistics interval",
          "Post a vocr-stats message every this much running time (ns; 0 = "
          "only at the end of the stream)", 0, G_MAXUINT64,
          DEFAULT_STATS_INTERVAL, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrTextDetect:max-latency:
   *
   * With a live upstream, the longest a frame waits for its reading. A
   * frame whose reading is not done by then leaves without it; the reading
   * follows on the bus (`vocr-text` with the frame's own timestamps) and as
   * a #GstVocrTextMeta, whose timestamp names the frame, on the next buffer
   * out. The element adds this to the latency it reports. Without a live
   * upstream every frame waits for its reading.
   */
  g_object_class_install_property (gobject_class, PROP_MAX_LATENCY,
      g_param_spec_uint64 ("max-latency", "Maximum latency",
          "Live streams: the longest a frame waits for its reading (ns), "
          "added to the reported latency", 0, G_MAXUINT64 / 2,
          DEFAULT_MAX_LATENCY, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_READY));

  /**
   * GstVocrTextDetect:change-messages:
   *
   * Post `vocr-text-appeared`, `vocr-text-changed` and
   * `vocr-text-disappeared` element messages when a line of text appears,
   * is replaced by another in its place, or is gone, from one sample to the
   * next: for applications that react to a watched plate or brand without
   * reading every sample.
   */
  g_object_class_install_property (gobject_class, PROP_CHANGE_MESSAGES,
      g_param_spec_boolean ("change-messages", "Change messages",
          "Post vocr-text-appeared/-changed/-disappeared messages when the "
          "text on screen changes", DEFAULT_CHANGE_MESSAGES,
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrTextDetect:max-ocr-time:
   *
   * The longest Tesseract may spend on one sample (ns; 0 = no limit), so
   * that a pathological frame (dense noise read as thousands of glyphs)
   * cannot stall the stream. A sample that runs out of time is abandoned:
   * Tesseract keeps nothing of it, so the frame carries no meta (nothing is
   * invented), the later samples with the same picture carry none either
   * until it changes or the refresh interval passes, and `vocr-stats`
   * counts it in `timeouts`.
   */
  g_object_class_install_property (gobject_class, PROP_MAX_OCR_TIME,
      g_param_spec_uint64 ("max-ocr-time", "Maximum OCR time",
          "Abandon reading a sample after this long (ns; 0 = no limit)", 0,
          G_MAXUINT64, DEFAULT_MAX_OCR_TIME, G_PARAM_READWRITE |
          G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING));

  /**
   * GstVocrTextDetect:other-scripts:
   *
   * Read the lines that #GstVocrTextDetect:languages read unsurely, or
   * the regions where they read nothing, again with one installed model of
   * each script none of the languages writes (`rus` for Cyrillic,
   * `chi_sim` for Chinese, `ara` for Arabic…, from
   * #GstVocrTextDetect:tessdata-dir), and report the lines such a model
   * reads clearly better in its language: a Russian or Chinese sign is
   * read with the default `languages=eng` when `tesseract-ocr-rus` or
   * `tesseract-ocr-chi-sim` is installed. Likewise a line whose words the
   * dictionary of an installed Latin-script language the languages do not
   * list (`spa`, `fra`, `por`, `deu`, `ita`…, five at most) knows better
   * is read with it, in it: a German sign is German with
   * `tesseract-ocr-deu` installed. Costs one model per script or language
   * per worker thread, loaded when a reading first needs them (live,
   * where a frame cannot wait for that, by a second engine made beside the
   * worker at the lowest priority, which then replaces its engine), and a
   * few line reads per unsure line; listing the languages in
   * #GstVocrTextDetect:languages reads them better still.
   */
  g_object_class_install_property (gobject_class, PROP_OTHER_SCRIPTS,
      g_param_spec_boolean ("other-scripts", "Other scripts",
          "Read what the languages cannot with the installed models of "
          "other scripts and Latin-script languages", DEFAULT_OTHER_SCRIPTS,
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
          GST_PARAM_MUTABLE_PLAYING));

  element_class->change_state =
      GST_DEBUG_FUNCPTR (gst_vocr_text_detect_change_state);

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class,
      "Video text recognition", "Filter/Analyzer/Video",
      "Finds and reads the text in video frames with Tesseract, attaching "
      "it as meta and posting it on the bus",
      "gst-vocr developers <gst-vocr@lists.freedesktop.org>");

  gst_type_mark_as_plugin_api (GST_VOCR_TYPE_PAGE_SEGMENTATION, 0);
}

static void
gst_vocr_text_detect_init (GstVocrTextDetect * self)
{
  self->sinkpad = gst_pad_new_from_static_template (&sink_template, "sink");
  gst_pad_set_chain_function (self->sinkpad,
      GST_DEBUG_FUNCPTR (gst_vocr_text_detect_chain));
  gst_pad_set_event_function (self->sinkpad,
      GST_DEBUG_FUNCPTR (gst_vocr_text_detect_sink_event));
  gst_pad_set_query_function (self->sinkpad,
      GST_DEBUG_FUNCPTR (gst_vocr_text_detect_sink_query));
  GST_PAD_SET_PROXY_CAPS (self->sinkpad);
  GST_PAD_SET_PROXY_ALLOCATION (self->sinkpad);
  gst_element_add_pad (GST_ELEMENT (self), self->sinkpad);

  self->srcpad = gst_pad_new_from_static_template (&src_template, "src");
  gst_pad_set_activatemode_function (self->srcpad,
      GST_DEBUG_FUNCPTR (gst_vocr_text_detect_src_activate_mode));
  gst_pad_set_query_function (self->srcpad,
      GST_DEBUG_FUNCPTR (gst_vocr_text_detect_src_query));
  GST_PAD_SET_PROXY_CAPS (self->srcpad);
  GST_PAD_SET_PROXY_SCHEDULING (self->srcpad);
  gst_element_add_pad (GST_ELEMENT (self), self->srcpad);

  self->languages = g_strdup (DEFAULT_LANGUAGES);
  self->tessdata_dir = g_strdup (DEFAULT_TESSDATA_DIR);
  self->threads = MIN (g_get_num_processors (), MAX_THREADS);
  self->interval = DEFAULT_INTERVAL;
  self->min_confidence = DEFAULT_MIN_CONFIDENCE;
  self->mode = DEFAULT_PAGE_SEGMENTATION;
  self->roi_valid = TRUE;
  self->post_message = DEFAULT_MESSAGE;
  self->change_threshold = DEFAULT_CHANGE_THRESHOLD;
  self->refresh_interval = DEFAULT_REFRESH_INTERVAL;
  self->stats_interval = DEFAULT_STATS_INTERVAL;
  self->max_latency = DEFAULT_MAX_LATENCY;
  self->max_ocr_time = DEFAULT_MAX_OCR_TIME;
  self->other_scripts = DEFAULT_OTHER_SCRIPTS;
  self->detector = gst_vocr_change_detector_new ();

  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->item_cond);
  g_cond_init (&self->work_cond);
  g_queue_init (&self->pending);
  g_queue_init (&self->todo);
  g_queue_init (&self->late);
  g_queue_init (&self->overdue);
  self->srcresult = GST_FLOW_FLUSHING;
  self->flushing = TRUE;
  gst_segment_init (&self->segment, GST_FORMAT_TIME);
}

static void
gst_vocr_text_detect_finalize (GObject * object)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (object);

  g_free (self->languages);
  g_free (self->tessdata_dir);
  g_free (self->roi_string);
  g_clear_object (&self->cancellable);
  gst_vocr_change_detector_free (self->detector);
  g_clear_pointer (&self->shown, result_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->item_cond);
  g_cond_clear (&self->work_cond);

  G_OBJECT_CLASS (parent_class)->finalize (object);
}

/* called with the object lock */
static gboolean
refuse_while_running (GstVocrTextDetect * self, const gchar * name)
{
  if (!self->engines_running)
    return FALSE;
  g_warning ("%s: the '%s' property can only be changed in the NULL or "
      "READY state", GST_OBJECT_NAME (self), name);
  return TRUE;
}

static void
gst_vocr_text_detect_set_property (GObject * object, guint prop_id,
    const GValue * value, GParamSpec * pspec)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_LANGUAGES:
      if (!refuse_while_running (self, pspec->name)) {
        g_free (self->languages);
        self->languages = g_value_dup_string (value);
      }
      break;
    case PROP_TESSDATA_DIR:
      if (!refuse_while_running (self, pspec->name)) {
        g_free (self->tessdata_dir);
        self->tessdata_dir = g_value_dup_string (value);
      }
      break;
    case PROP_THREADS:
      if (!refuse_while_running (self, pspec->name))
        self->threads = g_value_get_uint (value);
      break;
    case PROP_INTERVAL:
      self->interval = g_value_get_uint64 (value);
      break;
    case PROP_MIN_CONFIDENCE:
      self->min_confidence = g_value_get_double (value);
      break;
    case PROP_PAGE_SEGMENTATION:
      self->mode = g_value_get_enum (value);
      break;
    case PROP_ROI:{
      const gchar *str = g_value_get_string (value);
      GstVideoRectangle roi;
      gboolean has_roi;

      if (gst_vocr_parse_roi (str, &roi, &has_roi)) {
        self->roi = roi;
        self->has_roi = has_roi;
        self->roi_valid = TRUE;
      } else if (self->engines_running) {
        /* keep reading the previous region rather than fail a running
         * pipeline over a typo */
        GST_OBJECT_UNLOCK (self);
        GST_ELEMENT_WARNING (self, RESOURCE, SETTINGS,
            ("Invalid region of interest \"%s\": expected x,y,width,height "
                "in pixels; keeping the previous region", str), (NULL));
        return;
      } else {
        self->roi_valid = FALSE;
      }
      g_free (self->roi_string);
      self->roi_string = g_strdup (str);
      break;
    }
    case PROP_MESSAGE:
      self->post_message = g_value_get_boolean (value);
      break;
    case PROP_CHANGE_THRESHOLD:
      self->change_threshold = g_value_get_double (value);
      break;
    case PROP_REFRESH_INTERVAL:
      self->refresh_interval = g_value_get_uint64 (value);
      break;
    case PROP_STATS_INTERVAL:
      self->stats_interval = g_value_get_uint64 (value);
      break;
    case PROP_MAX_LATENCY:
      if (!refuse_while_running (self, pspec->name))
        self->max_latency = g_value_get_uint64 (value);
      break;
    case PROP_CHANGE_MESSAGES:
      self->change_messages = g_value_get_boolean (value);
      break;
    case PROP_MAX_OCR_TIME:
      self->max_ocr_time = g_value_get_uint64 (value);
      break;
    case PROP_OTHER_SCRIPTS:
      self->other_scripts = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_vocr_text_detect_get_property (GObject * object, guint prop_id,
    GValue * value, GParamSpec * pspec)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_LANGUAGES:
      g_value_set_string (value, self->languages);
      break;
    case PROP_TESSDATA_DIR:
      g_value_set_string (value, self->tessdata_dir);
      break;
    case PROP_THREADS:
      g_value_set_uint (value, self->threads);
      break;
    case PROP_INTERVAL:
      g_value_set_uint64 (value, self->interval);
      break;
    case PROP_MIN_CONFIDENCE:
      g_value_set_double (value, self->min_confidence);
      break;
    case PROP_PAGE_SEGMENTATION:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_ROI:
      g_value_set_string (value, self->roi_string);
      break;
    case PROP_MESSAGE:
      g_value_set_boolean (value, self->post_message);
      break;
    case PROP_CHANGE_THRESHOLD:
      g_value_set_double (value, self->change_threshold);
      break;
    case PROP_REFRESH_INTERVAL:
      g_value_set_uint64 (value, self->refresh_interval);
      break;
    case PROP_STATS_INTERVAL:
      g_value_set_uint64 (value, self->stats_interval);
      break;
    case PROP_MAX_LATENCY:
      g_value_set_uint64 (value, self->max_latency);
      break;
    case PROP_CHANGE_MESSAGES:
      g_value_set_boolean (value, self->change_messages);
      break;
    case PROP_MAX_OCR_TIME:
      g_value_set_uint64 (value, self->max_ocr_time);
      break;
    case PROP_OTHER_SCRIPTS:
      g_value_set_boolean (value, self->other_scripts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

/* ---- samples and the output queue ---- */

static Result *
result_new (void)
{
  Result *result = g_new0 (Result, 1);

  result->refcount = 1;
  return result;
}

static Result *
result_ref (Result * result)
{
  g_atomic_int_inc (&result->refcount);
  return result;
}

static void
result_unref (Result * result)
{
  if (!g_atomic_int_dec_and_test (&result->refcount))
    return;
  g_clear_pointer (&result->lines, g_ptr_array_unref);
  g_clear_pointer (&result->snapshot, gst_vocr_snapshot_free);
  g_clear_error (&result->error);
  g_free (result);
}

static void
sample_free (Sample * sample)
{
  gst_video_frame_unmap (&sample->frame);
  gst_clear_buffer (&sample->held);
  g_clear_pointer (&sample->result, result_unref);
  g_clear_pointer (&sample->regions, g_array_unref);
  g_clear_pointer (&sample->changes, g_array_unref);
  g_clear_pointer (&sample->carry_from, result_unref);
  g_free (sample->unchanged);
  g_free (sample->line_changes);
  g_free (sample);
}

static void
item_free (Item * item)
{
  if (item->sample)
    sample_free (item->sample);
  gst_mini_object_unref (item->object);
  g_free (item);
}

/* Drops everything queued (and the late readings), keeping the sticky
 * events a flush must not lose (caps, tags, stream-start) on the source pad.
 * Called with the lock, when no worker holds a sample. */
static void
drop_pending (GstVocrTextDetect * self)
{
  Item *item;

  while ((item = g_queue_pop_head (&self->pending))) {
    if (GST_IS_EVENT (item->object)) {
      GstEvent *event = GST_EVENT_CAST (item->object);

      if (GST_EVENT_IS_STICKY (event) && GST_EVENT_TYPE (event) !=
          GST_EVENT_SEGMENT && GST_EVENT_TYPE (event) != GST_EVENT_EOS)
        gst_pad_store_sticky_event (self->srcpad, event);
    }
    item_free (item);
  }
  self->pending_bytes = 0;
  g_queue_clear (&self->todo);
  g_queue_clear_full (&self->late, (GDestroyNotify) sample_free);
  g_queue_clear_full (&self->overdue, (GDestroyNotify) sample_free);
}

/* Waits until the workers hold no sample. Called with the lock. */
static void
wait_for_workers (GstVocrTextDetect * self)
{
  while (self->in_flight > 0)
    g_cond_wait (&self->item_cond, &self->lock);
}

/* ---- worker threads ---- */

static GstVideoRectangle
line_box (const GstVocrLine * line)
{
  GstVideoRectangle box = { line->x, line->y, line->width, line->height };

  return box;
}

static gboolean
rects_overlap (const GstVideoRectangle * a, const GstVideoRectangle * b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w
      && a->y < b->y + b->h && b->y < a->y + a->h;
}

static gboolean
rect_contains (const GstVideoRectangle * outer, const GstVideoRectangle * r)
{
  return r->x >= outer->x && r->y >= outer->y
      && r->x + r->w <= outer->x + outer->w
      && r->y + r->h <= outer->y + outer->h;
}

/* The luma of the boxes of @lines in @frame. */
static GstVocrSnapshot *
snapshot_lines (const GstVideoFrame * frame, GPtrArray * lines)
{
  GstVideoRectangle *boxes = g_new (GstVideoRectangle, MAX (lines->len, 1));
  GstVocrSnapshot *snapshot;
  guint i;

  for (i = 0; i < lines->len; i++)
    boxes[i] = line_box (g_ptr_array_index (lines, i));
  snapshot = gst_vocr_snapshot_new (frame, boxes, lines->len);
  g_free (boxes);
  return snapshot;
}

/* Whether a line whose place compares so with a later frame is to be
 * read again, though the change detector saw no change there: a glyph or
 * two replaced ("Page 2" became "Page 3"), or the line gone (faded out
 * over a busy picture, halfway through the fade when last read, so that
 * its edges were too faint for the detector to miss). */
static gboolean
must_reread (GstVocrSnapshotChange change)
{
  return change == GST_VOCR_SNAPSHOT_GLYPHS_CHANGED
      || change == GST_VOCR_SNAPSHOT_GONE;
}

/* How each line of @reading compares with @frame
 * (gst_vocr_snapshot_compare()), or NULL when @reading is not done or kept
 * no snapshot (it failed). Free with g_free(). */
static GstVocrSnapshotChange *
compare_with_reading (GstVocrTextDetect * self, const Result * reading,
    const GstVideoFrame * frame)
{
  GstVocrSnapshotChange *changes;
  gboolean done;

  g_mutex_lock (&self->lock);
  done = reading->done;
  g_mutex_unlock (&self->lock);
  /* a done reading does not change any more */
  if (!done || reading->lines == NULL || reading->snapshot == NULL)
    return NULL;
  changes = g_new (GstVocrSnapshotChange, MAX (reading->lines->len, 1));
  gst_vocr_snapshot_compare (reading->snapshot, frame, changes);
  return changes;
}

/* How each line of the last reading (@sample's carry_from) compares with
 * @sample's frame, compared once per sample; NULL when there is none to
 * compare (compare_with_reading()). */
static const GstVocrSnapshotChange *
compare_with_last_reading (GstVocrTextDetect * self, Sample * sample)
{
  if (sample->line_changes == NULL && sample->carry_from)
    sample->line_changes = compare_with_reading (self, sample->carry_from,
        &sample->frame);
  return sample->line_changes;
}

/* Appends to @found, what a region @region of @sample read again, copies
 * of the lines the last reading read inside @region that nothing of
 * @found overlaps and whose boxes show the same pixels in @sample's frame
 * (compare_with_last_reading()): Tesseract's reading of a region
 * varies from frame to frame (a code editor's sidebar read whole in one
 * sample misses three names in the next, when the pointer moved over the
 * code beside it), and text that did not change is still on screen. */
static void
keep_unchanged_lines (GstVocrTextDetect * self, Sample * sample,
    const GstVideoRectangle * region, GPtrArray * found)
{
  const GstVocrSnapshotChange *change =
      compare_with_last_reading (self, sample);
  const GPtrArray *from_lines;
  guint i, j;

  if (change == NULL)
    return;
  from_lines = sample->carry_from->lines;
  for (i = 0; i < from_lines->len; i++) {
    const GstVocrLine *line = g_ptr_array_index (from_lines, i);
    GstVideoRectangle box = line_box (line);

    if (change[i] != GST_VOCR_SNAPSHOT_SAME || !rect_contains (region, &box))
      continue;
    for (j = 0; j < found->len; j++) {
      GstVideoRectangle other = line_box (g_ptr_array_index (found, j));

      if (rects_overlap (&box, &other))
        break;
    }
    if (j == found->len)
      g_ptr_array_add (found, gst_vocr_line_copy (line));
  }
}

/* Appends to @lines copies of the lines that the (done) reading @sample
 * carries from read in @region. Fails, appending nothing, when it has no
 * lines (it failed), a line of it reaches out of @region (that text
 * changed in part, or was read with other text that did) or a line is to
 * be read again (compare_with_last_reading(), must_reread(): "Page 2"
 * becoming "Page 3" changes too few of the change detector's cells):
 * @region must be read. */
static gboolean
carry_lines (GstVocrTextDetect * self, Sample * sample,
    const GstVideoRectangle * region, GPtrArray * lines)
{
  const GstVocrSnapshotChange *change =
      compare_with_last_reading (self, sample);
  const Result *from = sample->carry_from;
  GPtrArray *carried = g_ptr_array_new ();
  gboolean ok;
  guint i;

  g_mutex_lock (&self->lock);
  ok = from->done && from->lines != NULL;
  for (i = 0; ok && i < from->lines->len; i++) {
    const GstVocrLine *line = g_ptr_array_index (from->lines, i);
    GstVideoRectangle box = line_box (line);

    if (!rect_contains (region, &box)) {
      ok = !rects_overlap (region, &box);
      continue;
    }
    ok = change == NULL || !must_reread (change[i]);
    g_ptr_array_add (carried, gst_vocr_line_copy (line));
  }
  g_mutex_unlock (&self->lock);

  if (ok)
    g_ptr_array_extend_and_steal (lines, carried);
  else
    g_ptr_array_free (carried, TRUE);
  return ok;
}

/* How many Chinese, Japanese or Korean glyphs @text holds. */
static guint
count_glyphs (const gchar * text)
{
  guint n = 0;

  for (; *text; text = g_utf8_next_char (text)) {
    GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (text));

    n += script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA
        || script == G_UNICODE_SCRIPT_KATAKANA
        || script == G_UNICODE_SCRIPT_HANGUL;
  }
  return n;
}

/* How many such glyphs @lines read. */
static guint
glyphs_read (GPtrArray * lines)
{
  guint n = 0, i;

  for (i = 0; i < lines->len; i++)
    n += count_glyphs (((const GstVocrLine *) g_ptr_array_index (lines,
                i))->text);
  return n;
}

/* How many glyphs' widths, in line heights, a region grows by beside a
 * line of glyphs read at its edge. */
#define GLYPHS_BEYOND 2

/* Region @index of @sample, widened into @wider on each side where
 * @found, its reading, has a line of glyphs within the line's height of
 * the side: a glyph of flat strokes ("一" ending "安全第一") has too few
 * edges for the change detector to take it for text, so its region can
 * end before it, and Tesseract then loses the glyph before the cut too
 * ("全第"). The region grows by GLYPHS_BEYOND line heights, within the
 * frame or region of interest, up to the sample's other regions (read on
 * their own). Returns whether it grew. */
static gboolean
widen_for_glyphs (const Sample * sample, guint index, GPtrArray * found,
    GstVideoRectangle * wider)
{
  const GstVideoRectangle *region = &g_array_index (sample->regions,
      GstVideoRectangle, index);
  gint lo = 0, hi = GST_VIDEO_FRAME_WIDTH (&sample->frame);
  gint x0 = region->x, x1 = region->x + region->w;
  guint i;

  if (sample->settings.has_roi) {
    lo = MAX (lo, sample->settings.roi.x);
    hi = MIN (hi, sample->settings.roi.x + sample->settings.roi.w);
  }
  for (i = 0; i < sample->regions->len; i++) {
    const GstVideoRectangle *other = &g_array_index (sample->regions,
        GstVideoRectangle, i);

    if (i == index || other->y >= region->y + region->h
        || region->y >= other->y + other->h)
      continue;
    if (other->x + other->w <= region->x)
      lo = MAX (lo, other->x + other->w);
    else if (other->x >= region->x + region->w)
      hi = MIN (hi, other->x);
  }
  for (i = 0; i < found->len; i++) {
    const GstVocrLine *line = g_ptr_array_index (found, i);

    if (count_glyphs (line->text) == 0)
      continue;
    if (line->x - region->x < line->height)
      x0 = MIN (x0, MAX (lo, region->x - GLYPHS_BEYOND * line->height));
    if (region->x + region->w - (line->x + line->width) < line->height)
      x1 = MAX (x1, MIN (hi, region->x + region->w +
              GLYPHS_BEYOND * line->height));
  }
  *wider = *region;
  wider->x = x0;
  wider->w = x1 - x0;
  return x0 < region->x || x1 > region->x + region->w;
}

/* max-ocr-time is the sample's: each further reading of it (started at
 * @start, monotonic time) gets what is left of it. */
static void
give_what_is_left (GstVocrEngine * engine, const Sample * sample,
    gint64 start)
{
  gint64 spent_ms = (g_get_monotonic_time () - start) / 1000;

  if (sample->time_limit_ms)
    gst_vocr_engine_set_time_limit (engine, MAX (1,
            (gint64) sample->time_limit_ms - spent_ms));
}

/* A further look at a sample (a wider region, the rows of large
 * characters) that runs out of max-ocr-time leaves what was read before it
 * standing: clears @error and returns %TRUE when it is the engine's
 * timeout. */
static gboolean
forgive_timeout (GError ** error)
{
  if (!g_error_matches (*error, GST_VOCR_ENGINE_ERROR,
          GST_VOCR_ENGINE_ERROR_TIMEOUT))
    return FALSE;
  g_clear_error (error);
  return TRUE;
}

/* Adds to @lines, what was read of @sample (or %NULL after an error), the
 * rows of large characters nothing read, counting them in @n_read: the
 * change detector's cells do not take a licence plate's thick strokes for
 * text, so its regions miss them or cut them. Out of time for them, what
 * was read stands. Returns @lines, or %NULL with @error set. */
static GPtrArray *
read_large_text (GstVocrTextDetect * self, GstVocrEngine * engine,
    const Sample * sample, gint64 start, GPtrArray * lines, guint * n_read,
    GError ** error)
{
  guint n_rows = 0;

  if (lines == NULL)
    return NULL;
  give_what_is_left (engine, sample, start);
  if (!gst_vocr_engine_read_large_text (engine, &sample->frame,
          sample->settings.has_roi ? &sample->settings.roi : NULL, lines,
          sample->settings.min_confidence, &n_rows, self->cancellable, error)
      && !forgive_timeout (error))
    g_clear_pointer (&lines, g_ptr_array_unref);
  *n_read += n_rows;
  return lines;
}

/* Reads the places of @sample that look like text, or all of it, counting
 * the regions read and carried from the last reading in @n_read and
 * @n_carried. */
static GPtrArray *
read_sample (GstVocrTextDetect * self, GstVocrEngine * engine,
    Sample * sample, guint * n_read, guint * n_carried, GError ** error)
{
  const ReadSettings *settings = &sample->settings;
  gint64 start = g_get_monotonic_time ();
  GPtrArray *lines;
  guint i;

  *n_read = *n_carried = 0;
  gst_vocr_engine_set_time_limit (engine, sample->time_limit_ms);
  if (sample->regions == NULL) {
    *n_read = 1;
    lines = gst_vocr_engine_recognize (engine, &sample->frame,
        settings->has_roi ? &settings->roi : NULL, settings->mode,
        settings->min_confidence, self->cancellable, error);
    return read_large_text (self, engine, sample, start, lines, n_read,
        error);
  }

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gst_vocr_line_free);
  for (i = 0; i < sample->regions->len; i++) {
    const GstVideoRectangle *region = &g_array_index (sample->regions,
        GstVideoRectangle, i);
    GstVideoRectangle wider;
    GPtrArray *found;

    if (sample->unchanged && sample->unchanged[i]
        && carry_lines (self, sample, region, lines)) {
      (*n_carried)++;
      continue;
    }

    if (i > 0)
      give_what_is_left (engine, sample, start);
    (*n_read)++;
    found = gst_vocr_engine_recognize (engine, &sample->frame, region,
        settings->mode, settings->min_confidence, self->cancellable, error);
    if (found && widen_for_glyphs (sample, i, found, &wider)) {
      GPtrArray *again;

      give_what_is_left (engine, sample, start);
      again = gst_vocr_engine_recognize (engine, &sample->frame, &wider,
          settings->mode, settings->min_confidence, self->cancellable, error);

      if (again && glyphs_read (again) > glyphs_read (found)) {
        g_ptr_array_unref (found);
        found = again;
      } else if (again) {
        g_ptr_array_unref (again);
      } else if (!forgive_timeout (error)) {
        g_clear_pointer (&found, g_ptr_array_unref);
      }
    }
    if (found == NULL) {
      g_ptr_array_unref (lines);
      return NULL;
    }
    keep_unchanged_lines (self, sample, region, found);
    g_ptr_array_extend_and_steal (lines, found);
  }
  return read_large_text (self, engine, sample, start, lines, n_read,
      error);
}

static void
post_engine_error (GstVocrTextDetect * self, const GError * error)
{
  switch (error->code) {
    case GST_VOCR_ENGINE_ERROR_INVALID_LANGUAGES:
      GST_ELEMENT_ERROR (self, RESOURCE, SETTINGS, ("%s", error->message),
          (NULL));
      break;
    case GST_VOCR_ENGINE_ERROR_TESSDATA_DIR:
      GST_ELEMENT_ERROR (self, RESOURCE, OPEN_READ, ("%s", error->message),
          (NULL));
      break;
    case GST_VOCR_ENGINE_ERROR_LANGUAGE_MISSING:
      GST_ELEMENT_ERROR (self, RESOURCE, NOT_FOUND, ("%s", error->message),
          (NULL));
      break;
    default:
      GST_ELEMENT_ERROR (self, LIBRARY, INIT, ("%s", error->message), (NULL));
      break;
  }
}

/* An engine loaded with other scripts' models on a thread of its own, for
 * a live worker (see worker_main()). */
typedef struct
{
  gchar *tessdata_dir, *languages;
  GstVocrEngine *engine;
  gint done;                    /* atomic */
} EngineLoad;

static gpointer
load_engine (gpointer data)
{
  EngineLoad *load = data;

#ifdef __linux__
  /* the lowest priority: the loading takes what the workers leave, and
   * does not make the live readings late (Linux's nice is per thread) */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 19);
#endif

  load->engine = gst_vocr_engine_new (load->tessdata_dir, load->languages,
      NULL);
  if (load->engine)
    gst_vocr_engine_load_other_scripts (load->engine);
  g_atomic_int_set (&load->done, 1);
  return NULL;
}

static gpointer
worker_main (gpointer data)
{
  GstVocrTextDetect *self = data;
  GstVocrEngine *engine;
  GError *error = NULL, *load_error = NULL;
  EngineLoad load = { NULL };
  GThread *loader = NULL;
  gboolean others_loaded = FALSE;

  GST_OBJECT_LOCK (self);
  load.languages = g_strdup (self->languages);
  load.tessdata_dir = g_strdup (self->tessdata_dir);
  GST_OBJECT_UNLOCK (self);

  /* The models load while the stream starts (a tenth of a second per
   * engine that decoding need not wait for). A model Tesseract cannot load
   * is an error on the bus, and this worker answers its samples with it,
   * so that nothing waits for a reading that cannot come. */
  engine = gst_vocr_engine_new (load.tessdata_dir, load.languages,
      &load_error);

  g_mutex_lock (&self->lock);
  if (engine) {
    self->engines_ready++;
  } else if (!self->load_failed) {
    /* once, not once per worker: they all load the same models */
    self->load_failed = TRUE;
    g_mutex_unlock (&self->lock);
    post_engine_error (self, load_error);
    g_mutex_lock (&self->lock);
  }
  while (TRUE) {
    Sample *sample;
    GPtrArray *lines = NULL;
    GstVocrSnapshot *snapshot;
    guint n_read = 0, n_carried = 0;
    gint64 start;

    while (!self->shutdown && g_queue_is_empty (&self->todo))
      g_cond_wait (&self->work_cond, &self->lock);
    if (self->shutdown)
      break;
    sample = g_queue_pop_head (&self->todo);
    /* The reading this one carries lines from started before it, on
     * another worker (workers take samples in stream order): wait for it. */
    while (sample->unchanged && !sample->carry_from->done && !self->shutdown)
      g_cond_wait (&self->item_cond, &self->lock);
    g_mutex_unlock (&self->lock);

    /* Other scripts' models load when a reading first needs them; a live
     * sample cannot wait for that (a few hundred milliseconds), so live, a
     * reading that needs them goes without, and a second engine is loaded
     * with them on a thread of its own, to replace this one when ready. */
    if (loader && g_atomic_int_get (&load.done)) {
      g_thread_join (g_steal_pointer (&loader));
      others_loaded = TRUE;
      if (load.engine) {
        gst_vocr_engine_free (engine);
        engine = g_steal_pointer (&load.engine);
      }
    }

    start = g_get_monotonic_time ();
    if (engine == NULL) {
      error = g_error_copy (load_error);
    } else if (!g_cancellable_is_cancelled (self->cancellable)) {
      gst_vocr_engine_set_other_scripts (engine,
          sample->settings.other_scripts);
      gst_vocr_engine_set_load_on_demand (engine, sample->held == NULL);
      lines = read_sample (self, engine, sample, &n_read, &n_carried, &error);
      if (!others_loaded && loader == NULL
          && gst_vocr_engine_other_scripts_wanted (engine))
        loader = g_thread_new ("vocr-load", load_engine, &load);
    }

    snapshot = lines ? snapshot_lines (&sample->frame, lines) : NULL;
    g_mutex_lock (&self->lock);
    self->n_regions_read += n_read;
    self->n_regions_carried += n_carried;
    sample->result->lines = lines;
    sample->result->snapshot = snapshot;
    sample->result->error = g_steal_pointer (&error);
    sample->result->done = TRUE;
    self->in_flight--;
    if (g_error_matches (sample->result->error, GST_VOCR_ENGINE_ERROR,
            GST_VOCR_ENGINE_ERROR_TIMEOUT))
      self->n_timeouts++;
    if (lines && n_read > 0) {
      self->n_read_done++;
      self->ocr_seconds += (g_get_monotonic_time () - start) / 1e6;
    }
    g_cond_broadcast (&self->item_cond);
  }
  g_mutex_unlock (&self->lock);

  if (loader)
    g_thread_join (loader);
  gst_vocr_engine_free (load.engine);
  g_free (load.languages);
  g_free (load.tessdata_dir);
  g_clear_error (&load_error);
  gst_vocr_engine_free (engine);
  return NULL;
}

static void
stop_workers (GstVocrTextDetect * self)
{
  guint i;

  if (self->workers == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->shutdown = TRUE;
  g_cond_broadcast (&self->work_cond);
  /* a worker may wait for another's reading */
  g_cond_broadcast (&self->item_cond);
  g_mutex_unlock (&self->lock);

  for (i = 0; i < self->workers->len; i++)
    g_thread_join (g_ptr_array_index (self->workers, i));
  g_clear_pointer (&self->workers, g_ptr_array_unref);

  GST_OBJECT_LOCK (self);
  self->engines_running = FALSE;
  GST_OBJECT_UNLOCK (self);
}

/* Checks the settings without loading models, so that a mistake fails the
 * NULL->READY transition with a message a user can act on. */
static gboolean
check_settings (GstVocrTextDetect * self)
{
  gchar *languages, *tessdata_dir, *roi_string;
  gboolean roi_valid, ok;
  GError *error = NULL;

  GST_OBJECT_LOCK (self);
  languages = g_strdup (self->languages);
  tessdata_dir = g_strdup (self->tessdata_dir);
  roi_string = g_strdup (self->roi_string);
  roi_valid = self->roi_valid;
  GST_OBJECT_UNLOCK (self);

  ok = gst_vocr_engine_check_languages (tessdata_dir, languages, &error);
  if (!ok) {
    post_engine_error (self, error);
    g_error_free (error);
  } else if (!roi_valid) {
    GST_ELEMENT_ERROR (self, RESOURCE, SETTINGS,
        ("Invalid region of interest \"%s\": expected x,y,width,height in "
            "pixels, e.g. \"0,600,1280,120\"", roi_string), (NULL));
    ok = FALSE;
  }
  g_free (languages);
  g_free (tessdata_dir);
  g_free (roi_string);
  return ok;
}

static void
start_workers (GstVocrTextDetect * self)
{
  guint i, threads;

  GST_OBJECT_LOCK (self);
  threads = self->threads;
  self->engines_running = TRUE;
  GST_OBJECT_UNLOCK (self);

  g_mutex_lock (&self->lock);
  self->shutdown = FALSE;
  self->engines_ready = 0;
  self->load_failed = FALSE;
  /* one sample queued behind each busy worker keeps every core busy
   * without holding more frames than that */
  self->max_in_flight = 2 * threads;
  self->n_threads = threads;
  g_mutex_unlock (&self->lock);
  g_cancellable_reset (self->cancellable);

  /* Each worker loads its own engine, in parallel, without the stream
   * waiting: loading the models is the slow part of starting. */
  self->workers = g_ptr_array_new ();
  for (i = 0; i < threads; i++) {
    gchar *name = g_strdup_printf ("vocr-worker%u", i);

    g_ptr_array_add (self->workers, g_thread_new (name, worker_main, self));
    g_free (name);
  }
  GST_DEBUG_OBJECT (self, "started %u OCR workers", threads);
}

static GstStateChangeReturn
gst_vocr_text_detect_change_state (GstElement * element,
    GstStateChange transition)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (element);
  GstStateChangeReturn ret;

  switch (transition) {
    case GST_STATE_CHANGE_NULL_TO_READY:
      if (!check_settings (self))
        return GST_STATE_CHANGE_FAILURE;
      break;
    case GST_STATE_CHANGE_READY_TO_PAUSED:
      start_workers (self);
      self->have_info = FALSE;
      reset_stream (self);
      g_mutex_lock (&self->lock);
      self->live = FALSE;
      self->live_asked = FALSE;
      self->n_samples = self->n_read = self->n_reused = self->n_skipped = 0;
      self->n_timeouts = 0;
      self->n_regions_read = self->n_regions_carried = 0;
      self->n_read_done = 0;
      self->ocr_seconds = 0;
      g_mutex_unlock (&self->lock);
      break;
    default:
      break;
  }

  ret = GST_ELEMENT_CLASS (parent_class)->change_state (element, transition);

  switch (transition) {
    case GST_STATE_CHANGE_PAUSED_TO_READY:
      /* the pads are inactive: nothing streams any more */
      g_mutex_lock (&self->lock);
      wait_for_workers (self);
      drop_pending (self);
      g_mutex_unlock (&self->lock);
      drop_reference (self);
      stop_workers (self);
      break;
    default:
      break;
  }
  return ret;
}

/* ---- input ---- */

/* Decides whether the frame at running time @rt is read. Samples stay on a
 * grid of @interval so the rate does not drift; a jump in time restarts the
 * grid. Called with the stream lock. */
static gboolean
take_sample (GstVocrTextDetect * self, GstBuffer * buffer, GstClockTime rt,
    GstClockTime interval)
{
  GstClockTime slack = 0;

  if (interval == 0)
    return TRUE;

  if (!GST_CLOCK_TIME_IS_VALID (rt)) {
    /* untimed frames: count them, using the frame rate when known */
    guint64 every = 1;

    if (GST_VIDEO_INFO_FPS_N (&self->info) > 0)
      every = MAX (1, gst_util_uint64_scale_round (interval,
              GST_VIDEO_INFO_FPS_N (&self->info),
              GST_VIDEO_INFO_FPS_D (&self->info) * GST_SECOND));
    return self->frame_count % every == 0;
  }

  /* a frame within half a frame of the sampling time is on time: container
   * timestamps are rounded */
  if (GST_BUFFER_DURATION_IS_VALID (buffer))
    slack = GST_BUFFER_DURATION (buffer) / 2;

  if (GST_CLOCK_TIME_IS_VALID (self->next_sample)
      && rt + slack < self->next_sample
      && rt + interval >= self->next_sample)
    return FALSE;

  if (GST_CLOCK_TIME_IS_VALID (self->next_sample)
      && rt + slack >= self->next_sample
      && rt < self->next_sample + interval)
    self->next_sample += interval;
  else
    self->next_sample = rt + interval;
  return TRUE;
}

static Sample *
sample_new (GstVocrTextDetect * self, GstBuffer * buffer, GstClockTime rt,
    gboolean live)
{
  Sample *sample = g_new0 (Sample, 1);

  /* No buffer ref from the mapping: the item owns the buffer, which must
   * stay writable for the meta. Live, the sample holds a ref of its own:
   * the frame may have to leave before it is read, as a writable copy of
   * the buffer that shares its (read-only mapped) memory. */
  if (!gst_video_frame_map (&sample->frame, &self->info, buffer,
          GST_MAP_READ | GST_VIDEO_FRAME_MAP_FLAG_NO_REF)) {
    g_free (sample);
    return NULL;
  }
  if (live)
    sample->held = gst_buffer_ref (buffer);
  sample->pts = GST_BUFFER_PTS (buffer);
  sample->duration = GST_BUFFER_DURATION (buffer);
  sample->wallclock = gst_vocr_buffer_get_wallclock (buffer);

  GST_OBJECT_LOCK (self);
  sample->settings.roi = self->roi;
  sample->settings.has_roi = self->has_roi;
  sample->settings.mode = self->mode;
  sample->settings.min_confidence = self->min_confidence / 100.0;
  sample->settings.other_scripts = self->other_scripts;
  sample->post_message = self->post_message;
  sample->change_messages = self->change_messages;
  sample->time_limit_ms = MIN (self->max_ocr_time / GST_MSECOND, G_MAXUINT);
  GST_OBJECT_UNLOCK (self);

  sample->running_time = rt;
  sample->stream_time = gst_segment_to_stream_time (&self->segment,
      GST_FORMAT_TIME, GST_BUFFER_PTS (buffer));
  sample->frame_number = self->frame_count;
  return sample;
}

static gboolean
same_settings (const ReadSettings * a, const ReadSettings * b)
{
  return a->has_roi == b->has_roi && a->mode == b->mode
      && a->min_confidence == b->min_confidence
      && a->other_scripts == b->other_scripts && (!a->has_roi
      || (a->roi.x == b->roi.x && a->roi.y == b->roi.y
          && a->roi.w == b->roi.w && a->roi.h == b->roi.h));
}

/* Forgets the last frame read, so that the next sample is read. Called
 * with the stream lock. */
static void
drop_reference (GstVocrTextDetect * self)
{
  gst_vocr_change_detector_reset (self->detector);
  g_clear_pointer (&self->reference, result_unref);
  self->reference_compared = FALSE;
}

/* Starts sampling afresh: after a flush, or when starting. Called with the
 * stream lock. */
static void
reset_stream (GstVocrTextDetect * self)
{
  gst_segment_init (&self->segment, GST_FORMAT_TIME);
  self->next_sample = GST_CLOCK_TIME_NONE;
  self->frame_count = 0;
  self->next_stats = GST_CLOCK_TIME_NONE;
  g_clear_pointer (&self->shown, result_unref);
  drop_reference (self);
}

/* Marks the regions of @sample whose text did not change since the last
 * frame read (self->reference): they carry that frame's lines instead of
 * being read again, so that text appearing beside unchanged text (a name
 * under a slide) costs the reading of the new text only. Called with the
 * stream lock, before the sample becomes the reference. */
static void
mark_unchanged_regions (GstVocrTextDetect * self, Sample * sample)
{
  guint i, n = 0;

  sample->unchanged = g_new0 (gboolean, sample->regions->len);
  for (i = 0; i < sample->regions->len; i++) {
    const GstVideoRectangle *r = &g_array_index (sample->regions,
        GstVideoRectangle, i);

    sample->unchanged[i] =
        !gst_vocr_change_detector_changed_within (self->detector, r);
    GST_LOG_OBJECT (self, "region %d,%d %dx%d %s", r->x, r->y, r->w, r->h,
        sample->unchanged[i] ? "unchanged: carried" : "changed: read");
    n += sample->unchanged[i];
  }
  if (n == 0)
    g_clear_pointer (&sample->unchanged, g_free);
  sample->carry_from = result_ref (self->reference);
}

/* Whether a line of the last reading (self->reference, when done) is to
 * be read again in @sample's frame (must_reread(): a glyph or two
 * replaced, the rest of it still, or the line gone): a page number or a
 * clock's digit changes too few of the change detector's cells for a
 * frame to have changed, and a faint line too few edges. If so, @sample
 * keeps the comparison (line_changes) for its worker: the last reading is
 * the one it will carry lines from. Called with the stream lock. */
static gboolean
lines_changed (GstVocrTextDetect * self, Sample * sample)
{
  GstVocrSnapshotChange *changes =
      compare_with_reading (self, self->reference, &sample->frame);
  gboolean replaced = FALSE;
  guint i;

  for (i = 0; changes && i < self->reference->lines->len; i++)
    replaced |= must_reread (changes[i]);
  if (replaced)
    sample->line_changes = changes;
  else
    g_free (changes);
  return replaced;
}

typedef enum
{
  DECISION_REUSE,               /* carries the last reading */
  DECISION_READ,                /* goes to a worker */
  DECISION_SKIP,                /* needs reading, but live and no worker free */
} Decision;

/* Gives @sample its result: a new one to be read by a worker when its text
 * may have changed since the last frame read (or the settings changed, or
 * the refresh interval passed), else the last frame's. When reading is
 * needed but @busy, nothing changes and the sample is to be skipped.
 * Called with the stream lock. */
static Decision
decide (GstVocrTextDetect * self, Sample * sample, gboolean busy)
{
  const ReadSettings *settings = &sample->settings;
  GstClockTime rt = sample->running_time, refresh;
  gdouble threshold;
  gboolean changed, refresh_due, lines = FALSE;

  GST_OBJECT_LOCK (self);
  threshold = self->change_threshold;
  refresh = self->refresh_interval;
  GST_OBJECT_UNLOCK (self);

  changed = threshold <= 0.0 || gst_vocr_change_detector_update
      (self->detector, &sample->frame, settings->has_roi ? &settings->roi :
      NULL, threshold);
  refresh_due = refresh > 0 && GST_CLOCK_TIME_IS_VALID (rt)
      && GST_CLOCK_TIME_IS_VALID (self->reference_time)
      && rt >= self->reference_time + refresh;
  if (!changed && !refresh_due && self->reference
      && same_settings (settings, &self->reference_settings)
      && !(lines = lines_changed (self, sample))) {
    sample->result = result_ref (self->reference);
    /* what changed between (and changed back) was no change */
    if (threshold > 0.0)
      gst_vocr_change_detector_drop_kept (self->detector);
    return DECISION_REUSE;
  }
  if (busy)
    return DECISION_SKIP;

  GST_LOG_OBJECT (self, "reading the sample at %" GST_TIME_FORMAT
      ":%s%s%s%s", GST_TIME_ARGS (rt), changed ? " text changed" : "",
      lines ? " lines changed" : "", refresh_due ? " refresh due" : "",
      self->reference ? "" : " first");
  sample->result = result_new ();
  if (threshold > 0.0 && !refresh_due) {
    /* read only where small text can be; large text is looked for in the
     * whole frame (read_large_text()), even when there is no such place */
    sample->regions = gst_vocr_change_detector_get_regions (self->detector);
    if (sample->regions && self->reference
        && same_settings (settings, &self->reference_settings))
      mark_unchanged_regions (self, sample);
  }
  /* read whole: the comparison is of no use to it */
  if (sample->carry_from == NULL)
    g_clear_pointer (&sample->line_changes, g_free);
  if (threshold > 0.0 && self->reference_compared
      && same_settings (settings, &self->reference_settings))
    sample->changes = gst_vocr_change_detector_get_changes (self->detector,
        sample->pts);
  if (threshold > 0.0)
    gst_vocr_change_detector_set_reference (self->detector);
  self->reference_compared = threshold > 0.0;
  g_clear_pointer (&self->reference, result_unref);
  self->reference = result_ref (sample->result);
  self->reference_settings = *settings;
  self->reference_time = rt;
  return DECISION_READ;
}

/* Between samples: keeps the frames (scaled down, one every 60 ms or more)
 * for the change detector to date the changes with when the next sample
 * is read, so that its reading can say in which frame each place took its
 * look instead of only its own time, up to an interval later (a subtitle
 * appears, and goes, at its own frame). Costs a scaling per frame kept;
 * the comparisons are made only when the text changed. Called with the
 * stream lock. */
static void
date_changes (GstVocrTextDetect * self, GstBuffer * buffer)
{
  const ReadSettings *settings = &self->reference_settings;
  GstVideoFrame frame;
  gdouble threshold;

  /* most frames are not kept: those are not even mapped */
  if (!self->reference_compared
      || !gst_vocr_change_detector_would_keep (self->detector,
          GST_BUFFER_PTS (buffer)))
    return;
  GST_OBJECT_LOCK (self);
  threshold = self->change_threshold;
  GST_OBJECT_UNLOCK (self);
  if (threshold <= 0.0
      || !gst_video_frame_map (&frame, &self->info, buffer, GST_MAP_READ))
    return;
  gst_vocr_change_detector_keep (self->detector, &frame,
      settings->has_roi ? &settings->roi : NULL, GST_BUFFER_PTS (buffer));
  gst_video_frame_unmap (&frame);
}

/* Queues an item for the source pad task, waiting while the workers have
 * enough to do. Takes ownership of @object. Called with the lock. */
static GstFlowReturn
enqueue (GstVocrTextDetect * self, GstMiniObject * object, Sample * sample,
    Decision decision)
{
  Item *item;

  if (self->flushing || self->srcresult != GST_FLOW_OK) {
    GstFlowReturn ret = self->srcresult;

    if (sample)
      sample_free (sample);
    gst_mini_object_unref (object);
    return ret;
  }

  item = g_new (Item, 1);
  item->object = object;
  item->sample = sample;
  item->size = GST_IS_BUFFER (object) ?
      gst_buffer_get_size (GST_BUFFER_CAST (object)) : 0;
  item->deadline = 0;
  if (sample && sample->held) {
    GstClockTime wait;

    /* leave a little of the latency to get downstream in: a loaded
     * machine's scheduling must not make the frame late at the sink */
    GST_OBJECT_LOCK (self);
    wait = self->max_latency - MIN (LATENCY_MARGIN, self->max_latency / 4);
    GST_OBJECT_UNLOCK (self);
    item->deadline = g_get_monotonic_time () + wait / GST_USECOND;
  }
  self->pending_bytes += item->size;
  g_queue_push_tail (&self->pending, item);
  if (sample) {
    self->n_samples++;
    if (decision == DECISION_READ) {
      self->n_read++;
      g_queue_push_tail (&self->todo, sample);
      self->in_flight++;
      g_cond_signal (&self->work_cond);
    } else {
      self->n_reused++;
    }
  }
  g_cond_broadcast (&self->item_cond);
  return GST_FLOW_OK;
}

/* Downstream's LATENCY query, which tells the element that upstream is
 * live, comes once the sinks have prerolled: until then a live source's
 * frames would wait for their whole reading, and the first reading is the
 * slowest. Upstream is asked directly at the first buffer. */
static void
ask_upstream_live (GstVocrTextDetect * self)
{
  GstQuery *query = gst_query_new_latency ();
  gboolean live;

  self->live_asked = TRUE;
  if (gst_pad_peer_query (self->sinkpad, query)) {
    gst_query_parse_latency (query, &live, NULL, NULL);
    GST_DEBUG_OBJECT (self, "upstream is %slive", live ? "" : "not ");
    g_mutex_lock (&self->lock);
    self->live = live;
    g_mutex_unlock (&self->lock);
  }
  gst_query_unref (query);
}

static GstFlowReturn
gst_vocr_text_detect_chain (GstPad * pad, GstObject * parent,
    GstBuffer * buffer)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (parent);
  GstClockTime rt, interval;
  Sample *sample = NULL;
  Decision decision = DECISION_REUSE;
  gboolean live, busy;
  GstFlowReturn ret;

  if (!self->have_info) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, (NULL),
        ("received a buffer before caps"));
    gst_buffer_unref (buffer);
    return GST_FLOW_NOT_NEGOTIATED;
  }

  GST_OBJECT_LOCK (self);
  interval = self->interval;
  GST_OBJECT_UNLOCK (self);

  rt = gst_segment_to_running_time (&self->segment, GST_FORMAT_TIME,
      GST_BUFFER_PTS (buffer));

  if (!self->live_asked)
    ask_upstream_live (self);

  /* Backpressure: wait while the workers are saturated or enough frames
   * wait for them. Live, the workers never hold the stream up: samples
   * they have no time for are skipped; frames leave by their deadline. */
  g_mutex_lock (&self->lock);
  while (!self->flushing && self->srcresult == GST_FLOW_OK
      && ((!self->live && self->in_flight >= self->max_in_flight)
          || (self->pending_bytes >= MAX_PENDING_BYTES
              && self->pending.length >= MIN_PENDING_ITEMS)))
    g_cond_wait (&self->item_cond, &self->lock);
  live = self->live;
  /* live, a sample no loaded engine can take now would only be late */
  busy = live && self->in_flight >= self->engines_ready;
  g_mutex_unlock (&self->lock);

  if (take_sample (self, buffer, rt, interval)) {
    buffer = gst_buffer_make_writable (buffer);
    sample = sample_new (self, buffer, rt, live);
    if (sample == NULL) {
      GST_ELEMENT_WARNING (self, STREAM, FORMAT, (NULL),
          ("could not map a %" G_GSIZE_FORMAT " byte buffer as %s %dx%d; "
              "not reading it", gst_buffer_get_size (buffer),
              GST_VIDEO_INFO_NAME (&self->info),
              GST_VIDEO_INFO_WIDTH (&self->info),
              GST_VIDEO_INFO_HEIGHT (&self->info)));
    } else {
      decision = decide (self, sample, busy);
    }
  } else {
    date_changes (self, buffer);
  }
  self->frame_count++;

  if (decision == DECISION_SKIP) {
    GST_DEBUG_OBJECT (self, "skipping the sample at %" GST_TIME_FORMAT
        ": all %u workers busy", GST_TIME_ARGS (rt), self->n_threads);
    g_clear_pointer (&sample, sample_free);
    g_mutex_lock (&self->lock);
    self->n_samples++;
    self->n_skipped++;
    g_mutex_unlock (&self->lock);
  }

  g_mutex_lock (&self->lock);
  ret = enqueue (self, GST_MINI_OBJECT_CAST (buffer), sample, decision);
  g_mutex_unlock (&self->lock);
  return ret;
}

static gboolean
gst_vocr_text_detect_sink_event (GstPad * pad, GstObject * parent,
    GstEvent * event)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (parent);
  GstFlowReturn ret;

  switch (GST_EVENT_TYPE (event)) {
    case GST_EVENT_FLUSH_START:
      gst_pad_push_event (self->srcpad, event);
      g_mutex_lock (&self->lock);
      self->flushing = TRUE;
      self->srcresult = GST_FLOW_FLUSHING;
      g_cancellable_cancel (self->cancellable);
      g_cond_broadcast (&self->item_cond);
      g_mutex_unlock (&self->lock);
      gst_pad_pause_task (self->srcpad);
      return TRUE;
    case GST_EVENT_FLUSH_STOP:
      g_mutex_lock (&self->lock);
      wait_for_workers (self);
      drop_pending (self);
      g_cancellable_reset (self->cancellable);
      self->flushing = FALSE;
      self->eos = FALSE;
      self->srcresult = GST_FLOW_OK;
      g_mutex_unlock (&self->lock);
      reset_stream (self);
      gst_pad_push_event (self->srcpad, event);
      return gst_pad_start_task (self->srcpad,
          (GstTaskFunction) gst_vocr_text_detect_loop, self->srcpad, NULL);
    case GST_EVENT_CAPS:{
      GstCaps *caps;
      GstVideoInfo info;

      gst_event_parse_caps (event, &caps);
      if (!gst_video_info_from_caps (&info, caps)) {
        GST_WARNING_OBJECT (self, "invalid caps %" GST_PTR_FORMAT, caps);
        gst_event_unref (event);
        return FALSE;
      }
      self->info = info;
      self->have_info = TRUE;
      /* another picture size: nothing to compare with */
      drop_reference (self);
      break;
    }
    case GST_EVENT_SEGMENT:
      gst_event_copy_segment (event, &self->segment);
      if (self->segment.format != GST_FORMAT_TIME) {
        GST_ELEMENT_ERROR (self, STREAM, FORMAT, (NULL),
            ("only TIME segments are supported, got %s",
                gst_format_get_name (self->segment.format)));
        gst_event_unref (event);
        return FALSE;
      }
      self->next_sample = GST_CLOCK_TIME_NONE;
      drop_reference (self);
      break;
    case GST_EVENT_EOS:
      g_mutex_lock (&self->lock);
      self->eos = TRUE;
      g_mutex_unlock (&self->lock);
      break;
    default:
      break;
  }

  if (!GST_EVENT_IS_SERIALIZED (event))
    return gst_pad_push_event (self->srcpad, event);

  /* serialized events keep their place between the buffers */
  g_mutex_lock (&self->lock);
  ret = enqueue (self, GST_MINI_OBJECT_CAST (event), NULL, DECISION_REUSE);
  g_mutex_unlock (&self->lock);
  return ret == GST_FLOW_OK;
}

static gboolean
gst_vocr_text_detect_sink_query (GstPad * pad, GstObject * parent,
    GstQuery * query)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (parent);

  if (GST_QUERY_IS_SERIALIZED (query)) {
    gboolean ok;

    /* a serialized query (allocation, drain) must reach downstream after
     * the data queued before it */
    g_mutex_lock (&self->lock);
    while (!self->flushing && self->srcresult == GST_FLOW_OK
        && !g_queue_is_empty (&self->pending))
      g_cond_wait (&self->item_cond, &self->lock);
    ok = !self->flushing && g_queue_is_empty (&self->pending);
    g_mutex_unlock (&self->lock);
    if (!ok)
      return FALSE;
  }
  return gst_pad_query_default (pad, parent, query);
}

/* Upstream's answer tells whether it is live; live frames may wait up to
 * max-latency for their reading, which the element adds to the latency. */
static gboolean
gst_vocr_text_detect_src_query (GstPad * pad, GstObject * parent,
    GstQuery * query)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (parent);
  GstClockTime min, max, latency;
  gboolean live;

  if (GST_QUERY_TYPE (query) != GST_QUERY_LATENCY)
    return gst_pad_query_default (pad, parent, query);
  if (!gst_pad_peer_query (self->sinkpad, query))
    return FALSE;

  gst_query_parse_latency (query, &live, &min, &max);
  GST_OBJECT_LOCK (self);
  latency = self->max_latency;
  GST_OBJECT_UNLOCK (self);
  if (live) {
    min += latency;
    if (GST_CLOCK_TIME_IS_VALID (max))
      max += latency;
    gst_query_set_latency (query, live, min, max);
  }
  GST_DEBUG_OBJECT (self, "upstream is %slive; latency %" GST_TIME_FORMAT,
      live ? "" : "not ", GST_TIME_ARGS (min));

  g_mutex_lock (&self->lock);
  self->live = live;
  g_cond_broadcast (&self->item_cond);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/* ---- output ---- */

static GstStructure *
line_structure (const GstVocrLine * line, gboolean with_box)
{
  GstStructure *s = gst_structure_new ("vocr-line",
      "text", G_TYPE_STRING, line->text,
      "confidence", G_TYPE_DOUBLE, line->confidence,
      "angle", G_TYPE_DOUBLE, line->angle,
      "language", G_TYPE_STRING, line->language, NULL);

  if (with_box) {
    gst_structure_set (s, "x", G_TYPE_INT, line->x, "y", G_TYPE_INT, line->y,
        "width", G_TYPE_INT, line->width, "height", G_TYPE_INT, line->height,
        NULL);
  }
  return s;
}

static void
post_change (GstVocrTextDetect * self, const gchar * name,
    const GstVocrLine * line, const GstVocrLine * previous,
    const Sample * sample)
{
  GstStructure *s = line_structure (line, TRUE);

  gst_structure_set_name (s, name);
  if (previous)
    gst_structure_set (s, "previous-text", G_TYPE_STRING, previous->text,
        NULL);
  gst_structure_set (s, "timestamp", G_TYPE_UINT64, sample->pts,
      "stream-time", G_TYPE_UINT64, sample->stream_time,
      "running-time", G_TYPE_UINT64, sample->running_time, NULL);
  gst_element_post_message (GST_ELEMENT (self),
      gst_message_new_element (GST_OBJECT (self), s));
}

/* Compares the sample's lines with those of the last sample posted: a line
 * with no line of overlapping box before appeared, one whose overlapping
 * predecessor reads differently changed, a line before with nothing in its
 * place now disappeared. Called from the output task only. */
static void
post_changes (GstVocrTextDetect * self, const Sample * sample)
{
  GPtrArray *now = sample->result->lines;
  GPtrArray *on_screen;
  gboolean *matched;
  guint i, j;

  /* a reused reading describes the same lines: nothing changed */
  if (sample->result == self->shown)
    return;
  on_screen = self->shown ? self->shown->lines : NULL;
  matched = g_new0 (gboolean, (on_screen ? on_screen->len : 0) + 1);
  for (i = 0; i < now->len; i++) {
    const GstVocrLine *line = g_ptr_array_index (now, i);
    const GstVocrLine *before = NULL;
    GstVideoRectangle box = line_box (line);

    for (j = 0; on_screen && j < on_screen->len && !before; j++) {
      GstVideoRectangle other = line_box (g_ptr_array_index (on_screen, j));

      if (!matched[j] && rects_overlap (&box, &other)) {
        before = g_ptr_array_index (on_screen, j);
        matched[j] = TRUE;
      }
    }
    if (before == NULL)
      post_change (self, "vocr-text-appeared", line, NULL, sample);
    else if (!gst_vocr_text_is_same (line->text, before->text,
            SAME_TEXT_SIMILARITY))
      post_change (self, "vocr-text-changed", line, before, sample);
  }
  for (j = 0; on_screen && j < on_screen->len; j++) {
    if (!matched[j])
      post_change (self, "vocr-text-disappeared",
          g_ptr_array_index (on_screen, j), NULL, sample);
  }
  g_free (matched);

  g_clear_pointer (&self->shown, result_unref);
  self->shown = result_ref (sample->result);
}

/* Posts the sample's vocr-text message, with the timestamps of the frame
 * it was read from, and the change messages it calls for. */
static void
post_text (GstVocrTextDetect * self, const Sample * sample)
{
  const Result *result = sample->result;
  GValue lines = G_VALUE_INIT;
  GstStructure *s;
  guint i;

  if (result->error) {
    /* a pathological frame is counted, not shouted about once per sample */
    if (g_error_matches (result->error, GST_VOCR_ENGINE_ERROR,
            GST_VOCR_ENGINE_ERROR_TIMEOUT))
      GST_DEBUG_OBJECT (self, "%s", result->error->message);
    /* a model that did not load is an error posted once, by its worker */
    else if (!g_error_matches (result->error, GST_VOCR_ENGINE_ERROR,
            GST_VOCR_ENGINE_ERROR_CANCELLED)
        && !g_error_matches (result->error, GST_VOCR_ENGINE_ERROR,
            GST_VOCR_ENGINE_ERROR_INIT))
      GST_ELEMENT_WARNING (self, LIBRARY, FAILED,
          ("Could not read the frame at %" GST_TIME_FORMAT ": %s",
              GST_TIME_ARGS (sample->pts), result->error->message), (NULL));
    return;
  }
  if (result->lines == NULL)
    return;
  if (sample->change_messages)
    post_changes (self, sample);
  if (!sample->post_message)
    return;

  gst_value_list_init (&lines, result->lines->len);
  for (i = 0; i < result->lines->len; i++) {
    GValue v = G_VALUE_INIT;

    g_value_init (&v, GST_TYPE_STRUCTURE);
    g_value_take_boxed (&v, line_structure (g_ptr_array_index (result->lines,
                i), TRUE));
    gst_value_list_append_and_take_value (&lines, &v);
  }
  s = gst_structure_new ("vocr-text",
      "timestamp", G_TYPE_UINT64, sample->pts,
      "stream-time", G_TYPE_UINT64, sample->stream_time,
      "running-time", G_TYPE_UINT64, sample->running_time,
      "duration", G_TYPE_UINT64, sample->duration,
      "frame", G_TYPE_UINT64, sample->frame_number, NULL);
  if (GST_CLOCK_TIME_IS_VALID (sample->wallclock))
    gst_structure_set (s, "wallclock", G_TYPE_UINT64, sample->wallclock,
        NULL);
  gst_structure_take_value (s, "lines", &lines);
  gst_element_post_message (GST_ELEMENT (self),
      gst_message_new_element (GST_OBJECT (self), s));
}

/* Attaches what was read in @sample to the writable @buffer: a text meta
 * naming the frame it was read from, and, when it is that frame, a region
 * of interest per line. */
static void
attach_meta (GstBuffer * buffer, const Sample * sample)
{
  const Result *result = sample->result;
  gboolean own_frame = sample->pts == GST_BUFFER_PTS (buffer);
  GstVocrTextMeta *meta;
  guint i;

  if (result->error || result->lines == NULL)
    return;

  meta = gst_buffer_add_vocr_text_meta (buffer, sample->pts);
  meta->wallclock = sample->wallclock;
  if (sample->changes)
    meta->changes = g_array_ref (sample->changes);
  for (i = 0; i < result->lines->len; i++) {
    const GstVocrLine *line = g_ptr_array_index (result->lines, i);
    GstVideoRegionOfInterestMeta *roi;

    /* the result may be shared with later frames: each meta owns a copy */
    gst_vocr_text_meta_add_line (meta, gst_vocr_line_copy (line));
    if (!own_frame)
      continue;
    roi = gst_buffer_add_video_region_of_interest_meta (buffer, "text",
        MAX (line->x, 0), MAX (line->y, 0), MAX (line->width, 0),
        MAX (line->height, 0));
    roi->id = i;
    gst_video_region_of_interest_meta_add_param (roi,
        line_structure (line, FALSE));
  }
}

/* Posts vocr-stats: what the samples cost so far. */
static void
post_stats (GstVocrTextDetect * self)
{
  GstStructure *s;

  g_mutex_lock (&self->lock);
  s = gst_structure_new ("vocr-stats",
      "samples", G_TYPE_UINT64, self->n_samples,
      "recognised", G_TYPE_UINT64, self->n_read,
      "reused", G_TYPE_UINT64, self->n_reused,
      "skipped", G_TYPE_UINT64, self->n_skipped,
      "timeouts", G_TYPE_UINT64, self->n_timeouts,
      "regions-read", G_TYPE_UINT64, self->n_regions_read,
      "regions-carried", G_TYPE_UINT64, self->n_regions_carried,
      "mean-ocr-ms", G_TYPE_DOUBLE, self->n_read_done ?
      self->ocr_seconds * 1000.0 / self->n_read_done : 0.0,
      "queue-depth", G_TYPE_UINT, g_queue_get_length (&self->pending), NULL);
  g_mutex_unlock (&self->lock);
  gst_element_post_message (GST_ELEMENT (self),
      gst_message_new_element (GST_OBJECT (self), s));
}

/* Posts vocr-stats when @rt reaches the next statistics time. Called from
 * the output task only. */
static void
maybe_post_stats (GstVocrTextDetect * self, GstClockTime rt)
{
  GstClockTime interval;

  GST_OBJECT_LOCK (self);
  interval = self->stats_interval;
  GST_OBJECT_UNLOCK (self);

  if (interval == 0 || !GST_CLOCK_TIME_IS_VALID (rt))
    return;
  if (!GST_CLOCK_TIME_IS_VALID (self->next_stats)) {
    self->next_stats = rt + interval;
  } else if (rt >= self->next_stats) {
    post_stats (self);
    self->next_stats = rt + interval;
  }
}

/* Whether the output task can take the head of the queue: an event (EOS
 * only once no late reading is outstanding), an unsampled buffer, a read
 * sample, or a live sample past its deadline. Called with the lock. */
static gboolean
head_ready (GstVocrTextDetect * self, Item * item, gint64 now)
{
  if (item == NULL)
    return FALSE;
  if (item->sample == NULL)
    return GST_IS_BUFFER (item->object)
        || GST_EVENT_TYPE (item->object) != GST_EVENT_EOS
        || g_queue_is_empty (&self->late);
  /* only a sample holding its own ref of the buffer may let the buffer go
   * before it is read: one taken before upstream turned out live maps the
   * buffer without a ref, and must be waited for */
  return item->sample->result->done || (item->sample->held
      && now >= item->deadline);
}

/* Takes the late samples whose reading is done. Called with the lock. */
static GQueue
take_read_late (GstVocrTextDetect * self)
{
  GQueue done = G_QUEUE_INIT;
  GList *l = self->late.head;

  while (l) {
    GList *next = l->next;
    Sample *sample = l->data;

    if (sample->result->done) {
      g_queue_delete_link (&self->late, l);
      g_queue_push_tail (&done, sample);
    }
    l = next;
  }
  return done;
}

static void
gst_vocr_text_detect_loop (GstPad * pad)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (GST_PAD_PARENT (pad));
  GstFlowReturn ret = GST_FLOW_OK;
  gboolean eos_pushed = FALSE;
  GQueue read_late;
  Sample *sample;
  Item *item;

  g_mutex_lock (&self->lock);
  for (;;) {
    gint64 now = g_get_monotonic_time ();

    item = g_queue_peek_head (&self->pending);
    read_late = take_read_late (self);
    if (self->flushing || read_late.length || head_ready (self, item, now))
      break;
    if (item && item->sample && item->sample->held)
      g_cond_wait_until (&self->item_cond, &self->lock, item->deadline);
    else
      g_cond_wait (&self->item_cond, &self->lock);
  }
  if (self->flushing) {
    g_queue_clear_full (&read_late, (GDestroyNotify) sample_free);
    g_mutex_unlock (&self->lock);
    gst_pad_pause_task (pad);
    return;
  }
  if (!head_ready (self, item, g_get_monotonic_time ()))
    item = NULL;
  if (item) {
    g_queue_pop_head (&self->pending);
    self->pending_bytes -= item->size;
  }
  g_mutex_unlock (&self->lock);

  /* late readings: on the bus now, on the next buffer out */
  while ((sample = g_queue_pop_head (&read_late))) {
    post_text (self, sample);
    g_queue_push_tail (&self->overdue, sample);
  }
  if (item == NULL)
    return;

  if (GST_IS_BUFFER (item->object)) {
    GstBuffer *buffer = GST_BUFFER_CAST (g_steal_pointer (&item->object));

    /* live samples hold a ref of their buffer: the meta goes on a copy */
    if (item->sample || !g_queue_is_empty (&self->overdue))
      buffer = gst_buffer_make_writable (buffer);
    if (item->sample && item->sample->result->done) {
      post_text (self, item->sample);
      attach_meta (buffer, item->sample);
      maybe_post_stats (self, item->sample->running_time);
      /* unmaps the frame: the buffer leaves unmapped */
      g_clear_pointer (&item->sample, sample_free);
    } else if (item->sample) {
      GST_DEBUG_OBJECT (self, "the frame at %" GST_TIME_FORMAT " leaves "
          "unread: its reading follows", GST_TIME_ARGS (item->sample->pts));
      g_mutex_lock (&self->lock);
      g_queue_push_tail (&self->late, g_steal_pointer (&item->sample));
      g_mutex_unlock (&self->lock);
    }
    while ((sample = g_queue_pop_head (&self->overdue))) {
      attach_meta (buffer, sample);
      sample_free (sample);
    }
    ret = gst_pad_push (self->srcpad, buffer);
  } else {
    GstEvent *event = GST_EVENT_CAST (g_steal_pointer (&item->object));

    eos_pushed = GST_EVENT_TYPE (event) == GST_EVENT_EOS;
    if (eos_pushed)
      post_stats (self);
    gst_pad_push_event (self->srcpad, event);
    if (eos_pushed)
      ret = GST_FLOW_EOS;
  }
  g_free (item);

  g_mutex_lock (&self->lock);
  /* a waiting serialized query may go now the queue moved */
  g_cond_broadcast (&self->item_cond);
  if (ret != GST_FLOW_OK && !self->flushing)
    self->srcresult = ret;
  g_mutex_unlock (&self->lock);

  if (ret == GST_FLOW_OK)
    return;

  GST_DEBUG_OBJECT (self, "pausing task: %s", gst_flow_get_name (ret));
  gst_pad_pause_task (pad);
  /* Upstream learns of a failure from the return of its next push; after
   * upstream's EOS there is none, so say it here. */
  if (!eos_pushed && (ret == GST_FLOW_NOT_LINKED || ret < GST_FLOW_EOS)) {
    gboolean eos;

    g_mutex_lock (&self->lock);
    eos = self->eos;
    g_mutex_unlock (&self->lock);
    if (eos) {
      GST_ELEMENT_FLOW_ERROR (self, ret);
      gst_pad_push_event (self->srcpad, gst_event_new_eos ());
    }
  }
}

static gboolean
gst_vocr_text_detect_src_activate_mode (GstPad * pad, GstObject * parent,
    GstPadMode mode, gboolean active)
{
  GstVocrTextDetect *self = GST_VOCR_TEXT_DETECT (parent);

  if (mode != GST_PAD_MODE_PUSH)
    return FALSE;

  g_mutex_lock (&self->lock);
  self->flushing = !active;
  self->srcresult = active ? GST_FLOW_OK : GST_FLOW_FLUSHING;
  self->eos = FALSE;
  if (!active)
    g_cancellable_cancel (self->cancellable);
  g_cond_broadcast (&self->item_cond);
  g_mutex_unlock (&self->lock);

  if (active)
    return gst_pad_start_task (pad, (GstTaskFunction)
        gst_vocr_text_detect_loop, pad, NULL);
  return gst_pad_stop_task (pad);
}
