'use strict';
const { createStore } = require('./store/index.js');
const { InvalidKeyError, StoreCorruptError } = require('./store/errors.js');
const { createUploadService, UploadNotFoundError, UploadStateError } = require('./uploads/service.js');
const { createThumbnailCache } = require('./thumbnails/cache.js');

module.exports = {
  createStore,
  createUploadService,
  createThumbnailCache,
  InvalidKeyError,
  StoreCorruptError,
  UploadNotFoundError,
  UploadStateError,
};
