/// The 一是/二是 series of a report as writers nest them. A series restarts under each heading. An 一是
/// in the same paragraph as the open series' last item opens an inner list (二是……：一是……；二是……),
/// and an item that continues an outer list closes the inner ones (……八是……。三是…… goes on with the
/// outer 二是); any other 一是 starts a new series. An item that continues no open list (a repeat, a gap)
/// joins the innermost one, where the series rule reports it.
public enum SeriesLists {
    public static func lists(_ items: [SeriesItem], in source: Source) -> [[SeriesItem]] {
        var lists: [[SeriesItem]] = []
        var open: [Int] = [] // indices into `lists`, outermost first
        var heading: Int??
        for item in items {
            if heading != item.headingIndex {
                heading = item.headingIndex
                open = []
            }
            if item.ordinal == 1 {
                if let innermost = open.last, lists[innermost].last?.paragraphIndex != item.paragraphIndex {
                    open = []
                }
                lists.append([item])
                open.append(lists.count - 1)
                continue
            }
            let continued = open.indices.filter { lists[open[$0]].last.map { $0.ordinal + 1 } == item.ordinal }
            if var depth = continued.last {
                // Both an inner and an outer list go on (inner 一是；二是 then 。三是): an inner list whose items
                // are parted by ； ends at a full stop, so the full stop hands the item to the outer one.
                if continued.count > 1, markBefore(item, in: source)?.mark == "。",
                    endsAtFullStop(lists[open[depth]], in: source)
                {
                    depth = continued[continued.count - 2]
                }
                open.removeSubrange((depth + 1)...)
                lists[open[depth]].append(item)
            } else if let innermost = open.last {
                lists[innermost].append(item)
            } else {
                lists.append([item])
                open = [lists.count - 1]
            }
        }
        return lists
    }

    /// One list's items split where the paragraph changes (its separators are read per paragraph).
    public static func byParagraph(_ list: [SeriesItem]) -> [[SeriesItem]] {
        var runs: [[SeriesItem]] = []
        for item in list {
            if runs.last?.last?.paragraphIndex == item.paragraphIndex {
                runs[runs.count - 1].append(item)
            } else {
                runs.append([item])
            }
        }
        return runs
    }

    /// The mark before an item (spaces skipped), with its byte offset.
    public static func markBefore(_ item: SeriesItem, in source: Source) -> (offset: Int, mark: Unicode.Scalar)? {
        let bytes = source.bytes
        var offset = item.marker.start
        while offset > 0 {
            let previous = UTF8Scalars.previousStart(bytes, before: offset)
            let scalar = UTF8Scalars.decode(bytes, at: previous).scalar
            offset = previous
            if !CharacterClass.isSpace(scalar) { return (offset, scalar) }
        }
        return nil
    }

    /// Whether a list's items so far are parted by ；, so a full stop closes it.
    private static func endsAtFullStop(_ list: [SeriesItem], in source: Source) -> Bool {
        list.count >= 2 && list.dropFirst().allSatisfy { markBefore($0, in: source)?.mark == "；" }
    }
}
