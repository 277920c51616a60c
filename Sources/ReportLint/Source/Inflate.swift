import CZlib // zlib's module as ZIPFoundation declares it

/// Raw DEFLATE decompression for .docx parts, in a loop that always ends: it stops at the end of the
/// stream, when the input is used up, when zlib reports an error or makes no progress, or past `limit`
/// bytes of output. (ZIPFoundation's own loop spins forever on a truncated stream, found by fuzzing.)
enum Inflate {
    enum Failure: Error, Equatable {
        case corrupt
        case tooLarge
    }

    /// `expected`: the size the zip declares, reserved at once (at most `limit`) so the output is not
    /// grown by doubling, which would hold two copies of a large part for a moment.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int, expected: Int = 0) -> Result<[UInt8], Failure> {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(.corrupt)
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(max(expected, 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var source = Array(input)
        return source.withUnsafeMutableBufferPointer { inputBuffer -> Result<[UInt8], Failure> in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let produced: Int
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { outputBuffer in
                    stream.next_out = outputBuffer.baseAddress
                    stream.avail_out = UInt32(outputBuffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                produced = chunk.count - Int(stream.avail_out)
                output += chunk[..<produced]
                if output.count > limit { return .failure(.tooLarge) }
                if status == Z_STREAM_END { return .success(output) }
                guard status == Z_OK || status == Z_BUF_ERROR else { return .failure(.corrupt) }
                // No output and no input left, or no progress at all: the stream is truncated.
                if produced == 0 && (stream.avail_in == 0 || status == Z_BUF_ERROR) { return .failure(.corrupt) }
            }
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
        }
    }
}
