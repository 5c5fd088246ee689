// The renderer of netzwerk's interactive map: sigma 3 and graphology, exposed on `window`
// for the hand-written app script (netzwerk/report/karte/assets/karte*.js). build.sh bundles
// this file with esbuild into one minified IIFE: assets/sigma-graphology.min.js.
import { Graph } from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram, NodeCircleProgram, NodePointProgram } from "sigma/rendering";

window.graphology = { Graph };
window.Sigma = Sigma;
window.SigmaPrograms = { EdgeLineProgram, NodeCircleProgram, NodePointProgram };
