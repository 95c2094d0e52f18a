// Writing an output file without harming what its path names.
//
// Every file lagebild writes (reports, models, generated corpora, anything
// the stores or the server write outside their databases) goes through
// WriteOutputFile. The rule, by what the path names when it is called:
//
//   ""  "-"  /dev/stdout  /dev/fd/1    standard output (fd 1); /dev/stderr,
//   /dev/fd/N, /proc/self/fd/N         and the others the open descriptor N
//   nothing yet                        a new file, written atomically: a
//                                      temporary file in the same directory,
//                                      flushed to disk, then renamed into
//                                      place; mode 0666 & ~umask
//   a regular file                     replaced atomically the same way,
//                                      keeping its mode (and, when allowed,
//                                      its owner and group)
//   a regular file with hard links     rewritten in place (truncated, then
//                                      written), so every link keeps it; not
//                                      atomic
//   a symbolic link                    followed (up to 40 links); the rule
//                                      applies to what it points at, so the
//                                      link stays and its target is written
//                                      in the target's directory
//   a character device, a FIFO         opened and written as `cat > PATH`
//                                      would: /dev/null stays /dev/null, a
//                                      FIFO's reader gets every byte (opening
//                                      a FIFO waits for its reader)
//   a Unix-domain socket               connected to and written (stream)
//   a directory, a block device        refused with an error
//
// Fails how: a Status naming the path and the system's reason (kIoError;
// kInvalidArgument for a directory, a block device or a link loop). A failed
// atomic write leaves the old file as it was and no temporary file behind.
// Limits: none on size; the temporary file is "<dir>/.<name>.tmp-<pid>-<n>".
#pragma once

#include <string>
#include <string_view>

#include "lagebild/status.h"

namespace lagebild::util {

Status WriteOutputFile(const std::string& path, std::string_view data);

}  // namespace lagebild::util
