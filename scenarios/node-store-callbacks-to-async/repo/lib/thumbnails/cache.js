'use strict';
// On-disk cache of rendered thumbnails. Owned by the media team, who are replacing it with the CDN's
// image resizing next quarter; it keeps its callback API until then.
const fs = require('node:fs');
const path = require('node:path');

const SIZES = new Set([64, 256, 1024]);

function createThumbnailCache({ dir }) {
  const fileFor = (uploadId, size) => path.join(dir, `${uploadId}-${size}.bin`);

  return {
    /** The cached thumbnail, rendering it with render(uploadId, size, cb) on a miss. */
    getOrRender(uploadId, size, render, callback) {
      if (!SIZES.has(size)) return process.nextTick(callback, new RangeError(`unsupported size ${size}`));
      const file = fileFor(uploadId, size);
      fs.readFile(file, (readErr, cached) => {
        if (!readErr) return callback(null, cached, { hit: true });
        if (readErr.code !== 'ENOENT') return callback(readErr);
        render(uploadId, size, (renderErr, bytes) => {
          if (renderErr) return callback(renderErr);
          fs.mkdir(dir, { recursive: true }, (mkdirErr) => {
            if (mkdirErr) return callback(mkdirErr);
            fs.writeFile(file, bytes, (writeErr) => callback(writeErr, bytes, { hit: false }));
          });
        });
      });
    },

    evict(uploadId, callback) {
      let pending = SIZES.size;
      let failed = false;
      for (const size of SIZES) {
        fs.rm(fileFor(uploadId, size), { force: true }, (err) => {
          if (failed) return;
          if (err) {
            failed = true;
            return callback(err);
          }
          if (--pending === 0) callback(null);
        });
      }
    },
  };
}

module.exports = { createThumbnailCache, SIZES };
