import { agendaAddItem } from './agenda.addItem';
import { agendaRefresh } from './agenda.refresh';
import { agendaRemoveItem } from './agenda.removeItem';
import { agendaShow } from './agenda.show';
import { bodyRegister } from './body.register';
import { digestAck } from './digest.ack';
import { digestSend } from './digest.send';
import { escalationAccept } from './escalation.accept';
import { escalationDecide } from './escalation.decide';
import { escalationDecline } from './escalation.decline';
import { escalationEscalate } from './escalation.escalate';
import { escalationRefresh } from './escalation.refresh';
import { escalationResolve } from './escalation.resolve';
import { escalationSubmit } from './escalation.submit';
import { focusAreasSet } from './focusAreas.set';
import { focusStatusSave } from './focusStatus.save';
import { measureFromTaskAction } from './measure.fromTask';
import { measureSave } from './measure.save';
import { measureShow } from './measure.show';
import { measureStatus } from './measure.status';
import { meetingCancel } from './meeting.cancel';
import { meetingSchedule } from './meeting.schedule';
import { minutesRecord } from './minutes.record';
import { minutesTaskDone } from './minutes.taskDone';
import { policeStatsConfirm } from './policeStats.confirm';
import { policeStatsImport } from './policeStats.import';
import { roleGrant } from './role.grant';
import { roleRevoke } from './role.revoke';
import { trendSubmit } from './trend.submit';
import type { ActionDef } from './types';

/**
 * Every card verb the bot answers: a closed union, so a verb without a handler does not
 * compile. Add a verb here and its handler file in this folder.
 */
export type Verb =
  | 'body.register'
  | 'role.grant'
  | 'role.revoke'
  | 'meeting.schedule'
  | 'meeting.cancel'
  | 'trend.submit'
  | 'focusAreas.set'
  | 'escalation.submit'
  | 'escalation.accept'
  | 'escalation.decline'
  | 'escalation.resolve'
  | 'escalation.escalate'
  | 'escalation.decide'
  | 'escalation.refresh'
  | 'digest.send'
  | 'digest.ack'
  | 'agenda.addItem'
  | 'agenda.removeItem'
  | 'agenda.refresh'
  | 'agenda.show'
  | 'minutes.record'
  | 'minutes.taskDone'
  | 'policeStats.import'
  | 'policeStats.confirm'
  | 'measure.save'
  | 'measure.status'
  | 'measure.show'
  | 'measure.fromTask'
  | 'focusStatus.save';

export const ACTIONS: Record<Verb, ActionDef> = {
  'body.register': bodyRegister,
  'role.grant': roleGrant,
  'role.revoke': roleRevoke,
  'meeting.schedule': meetingSchedule,
  'meeting.cancel': meetingCancel,
  'trend.submit': trendSubmit,
  'focusAreas.set': focusAreasSet,
  'escalation.submit': escalationSubmit,
  'escalation.accept': escalationAccept,
  'escalation.decline': escalationDecline,
  'escalation.resolve': escalationResolve,
  'escalation.escalate': escalationEscalate,
  'escalation.decide': escalationDecide,
  'escalation.refresh': escalationRefresh,
  'digest.send': digestSend,
  'digest.ack': digestAck,
  'agenda.addItem': agendaAddItem,
  'agenda.removeItem': agendaRemoveItem,
  'agenda.refresh': agendaRefresh,
  'agenda.show': agendaShow,
  'minutes.record': minutesRecord,
  'minutes.taskDone': minutesTaskDone,
  'policeStats.import': policeStatsImport,
  'policeStats.confirm': policeStatsConfirm,
  'measure.save': measureSave,
  'measure.status': measureStatus,
  'measure.show': measureShow,
  'measure.fromTask': measureFromTaskAction,
  'focusStatus.save': focusStatusSave,
};

export function findAction(verb: string): ActionDef | undefined {
  return Object.hasOwn(ACTIONS, verb) ? (ACTIONS as Record<string, ActionDef>)[verb] : undefined;
}
