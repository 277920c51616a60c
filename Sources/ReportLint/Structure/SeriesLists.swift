/// The 一是/二是 series of a report as writers nest them. A series restarts under each heading. An 一是
/// in the same paragraph as the open series' last item opens an inner list (二是……：一是……；二是……),
/// and an item that continues an outer list closes the inner ones (……八是……。三是…… goes on with the
/// outer 二是); any other 一是 starts a new series. An item that continues no open list (a repeat, a gap)
/// joins the innermost one, where the series rule reports it. Items that open their paragraphs go on across
/// the headings under one of them (一是扎实推进产业强镇。 then （一）…（五） projects, then 二是…): those headings
/// sit below the item, not beside it.
public enum SeriesLists {
    public static func lists(_ items: [SeriesItem], in source: Source, headings: [Heading]) -> [[SeriesItem]] {
        var lists: [[SeriesItem]] = []
        var open: [Int] = [] // indices into `lists`, outermost first
        var heading: Int??
        for item in items {
            if heading != item.headingIndex {
                let carriesOn =
                    open.last.map { continuesAcrossHeadings(lists[$0], with: item, headings: headings, source: source) } ?? false
                heading = item.headingIndex
                open = carriesOn ? Array(open.suffix(1)) : []
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

    /// Whether `item` goes on with `list` although a heading came between: both open their paragraphs, it is the
    /// next number, and the headings it now stands under are all deeper than the one the list stood under.
    private static func continuesAcrossHeadings(
        _ list: [SeriesItem], with item: SeriesItem, headings: [Heading], source: Source
    ) -> Bool {
        guard let last = list.last, last.ordinal + 1 == item.ordinal, let now = item.headingIndex,
            opensParagraph(last, source), opensParagraph(item, source)
        else { return false }
        let outerLevel = last.headingIndex.map { headings[$0].level } ?? 0
        // Every heading from the list's section down to the item's is below the list's own heading.
        var index: Int? = now
        while let current = index, current != last.headingIndex {
            guard current < headings.count, headings[current].level > outerLevel,
                headings[current].extent.start > last.marker.start
            else { return false }
            index = headings[current].parent
        }
        return true
    }

    /// Whether nothing but spaces stands before the item's marker in its line.
    private static func opensParagraph(_ item: SeriesItem, _ source: Source) -> Bool {
        guard let mark = markBefore(item, in: source) else { return true }
        return mark.mark == "\n" || mark.mark == "\r"
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
