import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedPerson, Page, SchoolView, StudentView, TeacherView } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { PageQuery } from '../common/pagination';
import { CreateStudentDto, CreateTeacherDto } from '../people/dto/person.dto';
import { CreateSchoolDto } from './dto/school.dto';
import { SchoolsService } from './schools.service';

@ApiTags('organisations')
@ApiSignedIn()
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Post()
  @Roles('platform_admin')
  @ApiAnswer(201, 'SchoolView')
  @ApiProblems(...INPUT_PROBLEMS)
  @ApiOperation({ summary: 'Create a school' })
  create(@Body() body: CreateSchoolDto): Promise<SchoolView> {
    return this.schools.create(body);
  }

  @Get()
  @Roles('platform_admin', 'bureau_officer')
  @ApiAnswer(200, 'SchoolView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({ summary: 'Schools of the caller’s remit (EDU officers and the platform admin)' })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<SchoolView>> {
    return this.schools.list(actor, query);
  }

  @Get(':id')
  @ApiAnswer(200, 'SchoolView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'A school, for its people, EDU officers and the platform admin' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SchoolView> {
    return this.schools.get(actor, id);
  }

  @Post(':id/students')
  @Roles('school_admin', 'platform_admin')
  @ApiAnswer(201, 'CreatedPerson<StudentView>')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'EMAIL_TAKEN', 'UNKNOWN_MAJOR')
  @ApiOperation({ summary: 'Add a student with a login; an initial password is returned once when none is given' })
  createStudent(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateStudentDto,
  ): Promise<CreatedPerson<StudentView>> {
    return this.schools.createStudent(actor, id, body);
  }

  @Get(':id/students')
  @ApiAnswer(200, 'StudentView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR', 'NOT_FOUND', 'FORBIDDEN')
  @ApiOperation({ summary: 'The school’s students, by name' })
  listStudents(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: PageQuery): Promise<Page<StudentView>> {
    return this.schools.listStudents(actor, id, query);
  }

  @Post(':id/teachers')
  @Roles('school_admin', 'platform_admin')
  @ApiAnswer(201, 'CreatedPerson<TeacherView>')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'EMAIL_TAKEN')
  @ApiOperation({ summary: 'Add a teacher with a login; an initial password is returned once when none is given' })
  createTeacher(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateTeacherDto,
  ): Promise<CreatedPerson<TeacherView>> {
    return this.schools.createTeacher(actor, id, body);
  }

  @Get(':id/teachers')
  @ApiAnswer(200, 'TeacherView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR', 'NOT_FOUND', 'FORBIDDEN')
  @ApiOperation({ summary: 'The school’s teachers, by name' })
  listTeachers(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: PageQuery): Promise<Page<TeacherView>> {
    return this.schools.listTeachers(actor, id, query);
  }
}
