// Runs the npm package onvif@0.8.3 (a widely used ONVIF client) against our camera simulator, to prove that the
// simulator answers as a camera does. Prints one JSON line; exits 1 with the error otherwise.
// usage: node onvif-client.js PORT USER PASSWORD
const { Cam } = require('onvif');
const [port, username, password] = process.argv.slice(2);
const cam = new Cam({ hostname: '127.0.0.1', port: Number(port), username, password, timeout: 5000 }, function (error) {
  if (error) {
    console.error('connect: ' + (error.message || error));
    process.exit(1);
  }
  cam.getDeviceInformation(function (error, info) {
    if (error) { console.error('device: ' + error.message); process.exit(1); }
    cam.getStreamUri({ protocol: 'RTSP' }, function (error, stream) {
      if (error) { console.error('stream: ' + error.message); process.exit(1); }
      console.log(JSON.stringify({
        manufacturer: info.manufacturer, model: info.model, serial: info.serialNumber,
        profiles: cam.profiles.map(p => p.$.token), stream: stream.uri,
        timeShift: cam.timeShift
      }));
      process.exit(0);
    });
  });
});
