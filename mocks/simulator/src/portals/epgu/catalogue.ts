/**
 * Services the simulator accepts orders for, and the department that handles each. goskit DEMO data:
 * the codes look like EPGU service codes but only 10000000109 (СФР pension delivery, seen in
 * go-api-epgu, with its department's ids from a real order) is a real one; the school services are
 * goskit's own so «Демо школа» scenarios have something to order. `cancellable: false` as go-api-epgu
 * notes for the real services («ни одна из доступных услуг API ЕПГУ не предусматривает возможность
 * отмены»); the demo services let tests cancel.
 */
export interface Department {
  /** Full name, the `sender` of status changes. */
  name: string;
  /** Short name (`stateStructureName`). */
  shortName: string;
  /** `stateOrgId`. */
  orgId: number;
  /** `stateOrgCode`. */
  orgCode: string;
  /** `stateStructureId` (ФРГУ code). */
  structureId: string;
}

export interface DemoService {
  serviceCode: string;
  title: string;
  /** Accepted targetCode values. */
  targets: string[];
  department: Department;
  /** `admLevelCode`. */
  level: 'FEDERAL' | 'REGIONAL';
  /** Whether orders may be cancelled (the statuses' `cancelAllowed`). */
  cancellable: boolean;
}

const DEMO_SCHOOL: Department = {
  name: 'Демо школа (goskit demo)',
  shortName: 'Демо школа',
  orgId: 900_001,
  orgCode: 'demo_school',
  structureId: '10000900001',
};

const SFR: Department = {
  name: 'Фонд пенсионного и социального страхования Российской Федерации',
  shortName: 'СФР',
  orgId: 266,
  orgCode: 'pfr',
  structureId: '10000002796',
};

export const DEMO_SERVICES: readonly DemoService[] = [
  {
    serviceCode: '10000000367',
    title: 'Запись в первый класс (goskit demo)',
    targets: ['-10000000367', '10000000368'],
    department: DEMO_SCHOOL,
    level: 'REGIONAL',
    cancellable: true,
  },
  {
    serviceCode: '10000000380',
    title: 'Зачисление в организацию дополнительного образования (goskit demo)',
    targets: ['-10000000380'],
    department: DEMO_SCHOOL,
    level: 'REGIONAL',
    cancellable: true,
  },
  {
    serviceCode: '10000000400',
    title: 'Справка об обучении в образовательной организации (goskit demo)',
    targets: ['-10000000400'],
    department: DEMO_SCHOOL,
    level: 'REGIONAL',
    cancellable: true,
  },
  {
    serviceCode: '10000000109',
    title: 'Доставка пенсии и социальных выплат СФР',
    targets: ['-10000000109'],
    department: SFR,
    level: 'FEDERAL',
    cancellable: false,
  },
];

export function findService(serviceCode: string): DemoService | undefined {
  return DEMO_SERVICES.find((service) => service.serviceCode === serviceCode);
}

/** `servicePassportId`: '6' + the code's last five digits, as for 10000000109 → 600109 and 10000000113 → 600113. */
export function passportId(serviceCode: string): string {
  return `6${serviceCode.slice(-5)}`;
}
