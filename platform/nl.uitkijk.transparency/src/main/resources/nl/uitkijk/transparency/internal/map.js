// Progressive enhancement of the public map: with a tile service configured, the server-drawn SVG map is replaced
// by a Leaflet map on those tiles, drawn from the same open data. Without JavaScript or tiles the SVG stays.
(function () {
  var element = document.getElementById('map');
  if (!element || !element.dataset.tiles || !window.L) {
    return;
  }
  Promise.all([fetch('designations.geojson'), fetch('cameras.geojson')])
    .then(function (responses) { return Promise.all(responses.map(function (r) { return r.json(); })); })
    .then(function (data) {
      element.textContent = '';
      element.style.height = '28rem';
      var map = L.map(element);
      L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '', maxZoom: 19 }).addTo(map);
      var areas = L.geoJSON(data[0], {
        style: { color: '#0b5394', weight: 2, fillOpacity: 0.15 },
        onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name); }
      }).addTo(map);
      L.geoJSON(data[1], {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 6, color: '#fff', weight: 1.5, fillColor: '#c0392b', fillOpacity: 1 });
        },
        onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name); }
      }).addTo(map);
      var bounds = areas.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [20, 20] });
      } else {
        map.setView([52.1, 5.3], 7);
      }
    })
    .catch(function () { /* the SVG map stays */ });
})();
