/**
 * The reference workflow engine: bpmn-engine running a five-task process equivalent to a
 * dossier's life (receive, digitise, appraise, approve and issue, return), each a user task
 * that waits for a person, as every dossier step does.
 *
 * The definition is parsed once (bpmn-moddle) and handed to every instance, as our machine is
 * built once; parsing the XML per instance would charge bpmn-engine for work a server caches.
 */
const { EventEmitter } = require('node:events');
const { dirname } = require('node:path');

const TASKS = ['receive', 'digitise', 'appraise', 'approve', 'return'];

const XML = (() => {
  const ids = ['start', ...TASKS, 'end'];
  const flows = ids.slice(0, -1).map((from, i) => `<sequenceFlow id="flow${i}" sourceRef="${from}" targetRef="${ids[i + 1]}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="dossier-definitions" targetNamespace="http://motcua/bench">
  <process id="dossier" isExecutable="true">
    <startEvent id="start" />
    ${TASKS.map((t) => `<userTask id="${t}" />`).join('\n    ')}
    <endEvent id="end" />
    ${flows.join('\n    ')}
  </process>
</definitions>`;
})();

/** bpmn-moddle is bpmn-engine's own parser; resolved from there rather than declared again. */
async function parsedDefinition() {
  const BpmnModdle = require(require.resolve('bpmn-moddle', { paths: [dirname(require.resolve('bpmn-engine'))] }));
  const Moddle = BpmnModdle.default ?? BpmnModdle;
  return new Moddle().fromXML(XML);
}

/**
 * Runs one instance to its end, completing each user task as soon as it waits.
 * @param persist optional async (instanceId, stateJson) → called at every wait, before the task is
 *   completed: the state an engine must have stored while it waits for a person.
 * @returns the number of tasks completed (5)
 */
async function runInstance(moddleContext, instanceId, persist) {
  const { Engine } = require('bpmn-engine');
  const engine = new Engine({ name: instanceId, moddleContext });
  const listener = new EventEmitter();
  let tasks = 0;
  const ended = new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
  });
  let failure = null;
  listener.on('wait', (activity) => {
    const complete = async () => {
      if (persist) await persist(instanceId, JSON.stringify(await engine.getState()));
      tasks++;
      activity.signal();
    };
    complete().catch((error) => {
      failure = error;
      engine.stop();
    });
  });
  await engine.execute({ listener });
  await Promise.race([ended, new Promise((resolve) => engine.once('stop', resolve))]);
  if (failure) throw failure;
  if (tasks !== TASKS.length) throw new Error(`bpmn instance ${instanceId} completed ${tasks} tasks, not ${TASKS.length}`);
  return tasks;
}

module.exports = { TASKS, XML, parsedDefinition, runInstance };
