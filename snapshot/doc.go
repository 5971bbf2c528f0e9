// Package snapshot owns raftsql's snapshots: point-in-time images of a
// node's SQLite database, tagged with the Raft metadata of the state they
// hold, that let the log be compacted and let a lagging or new member catch
// up without the compacted history. It owns the file format, the on-disk
// layout in the data directory, making, streaming (resuming a cut
// transfer) and installing. It knows
// Raft's types; it knows no SQL: the state machine is reached through two
// small interfaces, Source (make a consistent image file) and Installer
// (swap a verified image file in), and the network through plain io.Reader
// and io.ReadCloser values (the transport's snapshot lane).
//
// # File format (version 1)
//
// All integers are big-endian.
//
//	header   "RSQLSNAP" | version u16 | flags u16 (0) | body length u32 |
//	         body: index u64 | term u64 | image length u64 | chunk size u32 |
//	               voters (uvarint count, uvarint ids) | learners (same) |
//	         CRC-32C of everything above, u32
//	chunks   ceil(image length / chunk size) times:
//	         length u32 | CRC-32C of the data u32 | data
//	         (every chunk is chunk size bytes but the last)
//	trailer  SHA-256 of every byte above (header and chunks)
//
// A stream is the file, byte for byte: the sender sends the file as it is
// and the receiver writes what it reads while verifying it, so one format
// serves the disk and the wire and a received file is ready to be sent on.
//
// # Layout
//
// DATA/snapshots/<term>-<index>.snap, zero-padded to 20 digits so names
// sort by index. Work in progress lives in "*.tmp" files of the same
// directory (same file system, so renames are atomic): "make-*" (the image
// a Source wrote, and the snapshot being encoded from it), "receive-*" (a
// stream being received), "install-*" (an image extracted for the
// Installer). A damaged snapshot found at open is renamed "<name>.damaged".
//
// # Invariants
//
//  1. A "*.snap" file is complete: it is written to a temp file, fsynced,
//     renamed and the directory fsynced, so after a crash it is either
//     absent or whole. Open removes every "*.tmp" file; no other file is
//     ever removed except snapshots beyond Options.Keep.
//  2. Nothing unverified is used: Receive checks the header (against the
//     metadata the MsgSnap announced), every chunk's CRC and the digest
//     before the rename; Install checks them again while extracting the
//     image (the file may have rotted since); a Reader checks them while
//     sending, so a damaged file is not passed on.
//  3. Memory is bounded by one chunk (DefaultChunkBytes, at most
//     MaxChunkBytes) per operation, whatever the image size: every path
//     is a streaming copy.
//  4. An Installer receives a verified image that is fsynced, as is its
//     directory, on the same file system as the store. Preparing it
//     (extracting and verifying: time proportional to the image) is apart
//     from handing it over (a rename), so a node prepares off its Raft
//     loop. Installing is idempotent: a node that crashed during an
//     install installs the same snapshot again on restart.
//  5. Retention keeps the newest Options.Keep snapshots, and beyond them
//     those a transfer holds and those at or above the index the owner
//     may still need (Options.Needed: a received snapshot not yet
//     installed, whatever arrived after it); a file removed while a
//     Reader has it open stays readable until closed.
//  6. A damaged file or stream is a *FormatError whose Kind (errors.Is)
//     is ErrTruncated, ErrChecksum, ErrDigest, ErrVersion or
//     ErrMalformed, and whose message says what to do.
//
// # Policy
//
// Policy says when a snapshot is due (entries or bytes applied since the
// last one) and how far the log is compacted after it (all but a tail of
// entries kept for followers slightly behind).
//
// # Transfers
//
// A Sender bounds concurrent outgoing transfers and reports their progress
// (bytes sent of total, rate, the offset a resumed one started at) to the
// log, to Transfers and to Totals. A transfer cut by a fault or a restart
// is retried by the leader (raft's ReportSnapshot(to, false)). A
// resumable receive (ReceiveFrom with the sender's file digest as
// Resume.ID) keeps its verified prefix in "receive.part", fsynced, with a
// progress record (index, term, digest, verified length, CRC) rewritten
// every Options.ResumeEvery bytes at a chunk boundary; a retry of the
// same file (ResumeOffset) starts there: the receiver re-reads and
// re-hashes the prefix from disk and verifies every chunk and the whole
// file's digest as for any receive. A partial of another snapshot or file
// is discarded; a damaged prefix fails the receive and is discarded, so
// the next retry starts from zero. A non-resumable receive (Receive, or
// an older sender) leaves nothing behind when cut.
package snapshot
