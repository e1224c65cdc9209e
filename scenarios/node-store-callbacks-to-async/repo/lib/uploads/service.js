'use strict';
// Upload registry on top of the store. Keys: uploads/<id> for the record, users/<userId>/uploads for
// the user's upload ids (in upload order).

class UploadNotFoundError extends Error {
  constructor(id) {
    super(`no upload ${id}`);
    this.name = 'UploadNotFoundError';
    this.uploadId = id;
  }
}

class UploadStateError extends Error {
  constructor(id, status) {
    super(`upload ${id} is ${status}`);
    this.name = 'UploadStateError';
    this.uploadId = id;
    this.status = status;
  }
}

const MAX_BYTES = 5 * 1024 ** 3;
const CONTENT_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4']);

function validateUpload({ userId, filename, bytes, contentType }) {
  if (!/^u_[a-z0-9]+$/.test(userId ?? '')) return `bad userId ${userId}`;
  if (typeof filename !== 'string' || filename.length === 0 || filename.length > 255 || /[\\/]/.test(filename)) {
    return 'bad filename';
  }
  if (!Number.isInteger(bytes) || bytes <= 0 || bytes > MAX_BYTES) return 'bad size';
  if (!CONTENT_TYPES.has(contentType)) return `unsupported content type ${contentType}`;
  return null;
}

function createUploadService({ store, now = () => new Date(), newId }) {
  const uploadKey = (id) => `uploads/${id}`;
  const userKey = (userId) => `users/${userId}/uploads`;

  function get(id, callback) {
    store.get(uploadKey(id), (err, record) => {
      if (err) return callback(err);
      if (record === undefined) return callback(new UploadNotFoundError(id));
      callback(null, record);
    });
  }

  return {
    get,

    register(upload, callback) {
      const problem = validateUpload(upload);
      if (problem) return process.nextTick(callback, new TypeError(problem));
      const record = {
        id: newId(),
        userId: upload.userId,
        filename: upload.filename,
        bytes: upload.bytes,
        contentType: upload.contentType,
        status: 'pending',
        createdAt: now().toISOString(),
        downloads: 0,
      };
      store.put(uploadKey(record.id), record, (putErr) => {
        if (putErr) return callback(putErr);
        store.update(userKey(record.userId), (ids = []) => [...ids, record.id], (indexErr) => {
          if (indexErr) return callback(indexErr);
          callback(null, record);
        });
      });
    },

    /** Marks a pending upload ready once its bytes are stored. */
    complete(id, { checksum }, callback) {
      let failure = null;
      store.update(
        uploadKey(id),
        (record) => {
          if (record === undefined) {
            failure = new UploadNotFoundError(id);
            return record;
          }
          if (record.status !== 'pending') {
            failure = new UploadStateError(id, record.status);
            return record;
          }
          return { ...record, status: 'ready', checksum, completedAt: now().toISOString() };
        },
        (err, record) => {
          if (err) return callback(err);
          if (failure) return callback(failure);
          callback(null, record);
        },
      );
    },

    /** Counts one download; concurrent downloads are all counted. */
    recordDownload(id, callback) {
      let missing = false;
      store.update(
        uploadKey(id),
        (record) => {
          if (record === undefined) {
            missing = true;
            return record;
          }
          return { ...record, downloads: record.downloads + 1 };
        },
        (err, record) => {
          if (err) return callback(err);
          if (missing) return callback(new UploadNotFoundError(id));
          callback(null, record.downloads);
        },
      );
    },

    /** The user's uploads, oldest first. */
    listForUser(userId, callback) {
      store.get(userKey(userId), (err, ids = []) => {
        if (err) return callback(err);
        const records = new Array(ids.length);
        let pending = ids.length;
        if (pending === 0) return callback(null, []);
        let failed = false;
        ids.forEach((id, i) => {
          get(id, (getErr, record) => {
            if (failed) return;
            if (getErr) {
              failed = true;
              return callback(getErr);
            }
            records[i] = record;
            if (--pending === 0) callback(null, records);
          });
        });
      });
    },

    /** Deletes uploads still pending after `maxAgeMs`; answers how many were deleted. */
    purgeAbandoned(maxAgeMs, callback) {
      const cutoff = now().getTime() - maxAgeMs;
      store.list('uploads/', (err, keys) => {
        if (err) return callback(err);
        let deleted = 0;
        const step = (i) => {
          if (i === keys.length) return callback(null, deleted);
          store.get(keys[i], (getErr, record) => {
            if (getErr) return callback(getErr);
            const abandoned = record && record.status === 'pending' && Date.parse(record.createdAt) < cutoff;
            if (!abandoned) return step(i + 1);
            store.delete(keys[i], (delErr, removed) => {
              if (delErr) return callback(delErr);
              if (removed) deleted += 1;
              store.update(userKey(record.userId), (ids = []) => ids.filter((x) => x !== record.id), (indexErr) => {
                if (indexErr) return callback(indexErr);
                step(i + 1);
              });
            });
          });
        };
        step(0);
      });
    },
  };
}

module.exports = { createUploadService, UploadNotFoundError, UploadStateError, validateUpload };
