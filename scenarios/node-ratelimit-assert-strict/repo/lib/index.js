'use strict';
module.exports = {
  ...require('./token-bucket.js'),
  ...require('./sliding-window.js'),
  ...require('./keys.js'),
  ...require('./middleware.js'),
};
